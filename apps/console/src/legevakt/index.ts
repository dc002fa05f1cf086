// The doctors on call, as other features show them: in a call's dispatch section and on the wall.
export { DoctorsOnCallNow } from './DoctorsOnCallNow.js';
export { WallDoctorGaps } from './WallDoctorGaps.js';
