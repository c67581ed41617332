import { Application } from './application.entity';
import { ApplicationPerson } from './application-person.entity';

export { Application, ApplicationPerson };

/** The entities of applications: each class in its own file beside this one, listed here. */
export const APPLICATION_ENTITIES: (new () => object)[] = [Application, ApplicationPerson];
