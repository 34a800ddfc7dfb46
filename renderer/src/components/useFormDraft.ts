import { useState } from 'react';

/** The keys of `D` whose values are text (a text box's) or a tick (a check box's). */
type KeysOf<D, V> = { [K in keyof D]: D[K] extends V ? K : never }[keyof D];

/**
 * A settings form's state: the draft being typed, the problem found on Save and whether the last Save
 * went through (any edit clears it). `text(name)` and `check(name)` wire one draft field to a
 * TextField or CheckField (components/Field.tsx): its name, value and change.
 */
export function useFormDraft<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<D>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const field =
    <K extends keyof D>(name: K) =>
    (value: D[K]) => {
      const patch: Partial<D> = {};
      patch[name] = value;
      set(patch);
    };
  const text = <K extends KeysOf<D, string> & string>(name: K) => ({
    name,
    value: String(draft[name]),
    onChange: (value: string) => field(name)(value as D[K]),
  });
  const check = <K extends KeysOf<D, boolean> & string>(name: K) => ({
    name,
    checked: draft[name] === true,
    onChange: (checked: boolean) => field(name)(checked as D[K]),
  });
  return { draft, setDraft, set, problem, setProblem, saved, setSaved, text, check };
}
