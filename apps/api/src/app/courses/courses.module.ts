import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course, CourseAccess, CourseModule, Lesson, User } from '../database/entities';
import { AuthoringService } from './authoring.service';
import { CatalogueService } from './catalogue.service';
import { CoursesController } from './courses.controller';
import { LessonAccessService } from './lesson-access.service';
import { LessonProgressService } from './lesson-progress.service';
import { LessonVideoService } from './lesson-video.service';
import { LessonsController } from './lessons.controller';
import { ModulesController } from './modules.controller';
import { ResourceUploadInterceptor } from './resource-upload.interceptor';

/**
 * The course catalogue, its authoring, who may see which lesson, and the writers of the tables
 * courses owns that other modules change (progress, a lesson's video).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, Lesson, CourseAccess, User])],
  controllers: [CoursesController, ModulesController, LessonsController],
  providers: [
    LessonAccessService,
    LessonProgressService,
    LessonVideoService,
    CatalogueService,
    AuthoringService,
    ResourceUploadInterceptor,
  ],
  exports: [LessonAccessService, LessonProgressService, LessonVideoService, CatalogueService],
})
export class CoursesModule {}
