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
  /**
   * Set while the user works for a centre their own centre has taken over (§ 15 p): `centre` is
   * then the taken-over centre, and this is the user's own (see centre-cover.ts).
   */
  actingFrom?: { id: string; code: string; name: string; takeoverId: string };
  /** Set when the session came from an OpenID provider's sign-in: which one, and when the person authenticated there. */
  oidc?: { provider: string; authTime: Date | null };
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

/** `coveredCentreIds`: centres the user's centre has taken over (§ 15 p); their work is heard too. */
export function roomsFor(user: UserActor, coveredCentreIds: readonly string[] = []): string[] {
  // A responder in the field hears only what is addressed to them, never the centre's work.
  if (user.role === 'responder') return [rooms.user(user.userId)];
  // An auditor reads the log; a takeover gives them nothing to work.
  const covered = user.role === 'auditor' ? [] : coveredCentreIds.map(rooms.centre);
  return [rooms.centre(user.centre.id), rooms.user(user.userId), rooms.role(user.centre.id, user.role), ...covered];
}
