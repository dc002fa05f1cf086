// The statuses an operator may set a unit to from where it is: the domain's status machine
// decides (the same rule the server applies), the console only lists what it allows.
import { UnitStatus } from '@amk/contracts';
import { canTransition } from '@amk/domain';

export function nextStatuses(from: UnitStatus): UnitStatus[] {
  return UnitStatus.options.filter((to) => to !== from && canTransition(from, to).ok);
}
