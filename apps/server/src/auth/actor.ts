// Who is making a request: an operator with a session, or an integration with an API key.
import type { CentreKind, Role } from '@amk/contracts';

export interface UserActor {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  centre: { id: string; code: string; name: string; kind: CentreKind; lat: number; lon: number };
}

export interface IntegrationActor {
  kind: 'integration';
  keyId: string;
  name: string;
  centre: { id: string; code: string; kind: CentreKind };
}

export type Actor = UserActor | IntegrationActor;

/** Socket.IO rooms a user may hear. Events name their audience in the same terms. */
export const rooms = {
  centre: (centreId: string) => `centre:${centreId}`,
  user: (userId: string) => `user:${userId}`,
  role: (centreId: string, role: Role) => `role:${centreId}:${role}`,
};

export function roomsFor(user: UserActor): string[] {
  // A responder in the field hears only what is addressed to them, never the centre's work.
  if (user.role === 'responder') return [rooms.user(user.userId)];
  return [rooms.centre(user.centre.id), rooms.user(user.userId), rooms.role(user.centre.id, user.role)];
}
