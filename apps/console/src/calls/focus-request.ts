// After a call is registered or taken, the operator's next step is triage: whoever opened the
// call asks for the triage field to take focus, and the triage section of that call answers once.
import { create } from 'zustand';

export const useFocusRequest = create<{ triageCallId: string | null; focusTriage(callId: string): void; done(): void }>((set) => ({
  triageCallId: null,
  focusTriage: (triageCallId) => set({ triageCallId }),
  done: () => set({ triageCallId: null }),
}));
