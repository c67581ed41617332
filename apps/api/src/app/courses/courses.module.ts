import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course, CourseAccess, CourseModule, Lesson, User } from '../database/entities';
import { AuthoringService } from './authoring.service';
import { CatalogueService } from './catalogue.service';
import { CoursesController } from './courses.controller';
import { LessonAccessService } from './lesson-access.service';
import { LessonsController } from './lessons.controller';
import { ModulesController } from './modules.controller';
import { ResourceUploadInterceptor } from './resource-upload.interceptor';

/** The course catalogue, its authoring, and who may see which lesson. */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, Lesson, CourseAccess, User])],
  controllers: [CoursesController, ModulesController, LessonsController],
  providers: [LessonAccessService, CatalogueService, AuthoringService, ResourceUploadInterceptor],
  exports: [LessonAccessService, CatalogueService],
})
export class CoursesModule {}
