import { Application } from './application.entity';
import { ApplicationPerson } from './application-person.entity';
import { InfoMeeting } from './info-meeting.entity';
import { InfoMeetingSignup } from './info-meeting-signup.entity';

export { Application, ApplicationPerson, InfoMeeting, InfoMeetingSignup };

/** The entities of applications: each class in its own file beside this one, listed here. */
export const APPLICATION_ENTITIES: (new () => object)[] = [
  Application,
  ApplicationPerson,
  InfoMeeting,
  InfoMeetingSignup,
];
