/** The choice of an actor's kind, as every form that makes or edits an actor offers it. */
import { Select } from "@/components/ui/form";
import { ACTOR_KINDS, kindLabel } from "@/lib/labels";

/** With no default, the form starts on "— choose —" and a kind must be picked. */
export function ActorKindSelect({ name, defaultValue }: { name: string; defaultValue?: string }) {
  const choose = !defaultValue;
  return (
    <Select name={name} defaultValue={defaultValue ?? ""} required={choose}>
      {choose && <option value="">— choose —</option>}
      {ACTOR_KINDS.map((k) => (
        <option key={k} value={k}>
          {kindLabel(k)}
        </option>
      ))}
    </Select>
  );
}
