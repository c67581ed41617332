import { Gathering } from './gathering.entity';
import { GatheringRegistration } from './gathering-registration.entity';

export { Gathering, GatheringRegistration };

/** The entities of gatherings (issue 16; info meetings are gatherings too). */
export const GATHERING_ENTITIES: (new () => object)[] = [Gathering, GatheringRegistration];
