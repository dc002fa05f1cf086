-- Who was alerted on declaration, and each hospital's answer, are lines of the major incident's log.
ALTER TYPE "MajorIncidentLogKind" ADD VALUE 'NOTIFIED' BEFORE 'CLOSED';
ALTER TYPE "MajorIncidentLogKind" ADD VALUE 'HOSPITAL_ANSWERED' BEFORE 'CLOSED';
