-- A unit reporting at a major incident's holding area is a line of its log.
ALTER TYPE "MajorIncidentLogKind" ADD VALUE 'UNIT_CHECKED_IN' BEFORE 'CLOSED';
