// What other modules do when a unit's status changes while it is on a mission, inside the same
// transaction, so the mission and the unit commit together. The units module announces; missions
// subscribes in its own folder (missions/missions.plugin.ts), which is also how the units module
// avoids importing missions (missions already depends on units).
import type { Tx } from '@amk/db';
import type { Emit } from '../../realtime/event-log.js';

type UnitStatusOnMissionHook = (tx: Tx, emit: Emit, missionId: string) => Promise<void>;

export interface UnitHooks {
  onStatusChangedOnMission(hook: UnitStatusOnMissionHook): void;
}

export function createUnitHooks(): UnitHooks & { statusChangedOnMission(tx: Tx, emit: Emit, missionId: string): Promise<void> } {
  const hooks: UnitStatusOnMissionHook[] = [];
  return {
    onStatusChangedOnMission(hook) {
      hooks.push(hook);
    },
    async statusChangedOnMission(tx, emit, missionId) {
      for (const hook of hooks) await hook(tx, emit, missionId);
    },
  };
}
