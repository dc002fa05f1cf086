// A form behind a disclosure is drawn the first time it is opened, not with the page: the console's
// first screen then does not pay for fields nobody has asked for (the date and time fields alone
// cost a quarter of a second on a busy PC), and once drawn it stays, so a half-filled form
// survives closing it.
import { useState } from 'react';

/** Whether `open` has been true at least once since the component mounted. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
