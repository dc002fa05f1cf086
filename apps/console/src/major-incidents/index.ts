// Major incidents' public surface: the section in a call's record and the wall's summary.
export { MajorIncidentSection } from './MajorIncidentSection.js';
export { WallMajorIncidents } from './WallMajorIncidents.js';
