/** The choice of an actor's kind, as every form that makes or edits an actor offers it. */
import { choicesOf, SelectField } from "@/components/ui/form";
import { ACTOR_KINDS, kindLabel } from "@/lib/labels";

/** With no default, the form starts on "— choose —" and a kind must be picked. */
export function ActorKindField({
  name,
  defaultValue,
  label = "Kind",
}: {
  name: string;
  defaultValue?: string;
  label?: string;
}) {
  const choose = !defaultValue;
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue ?? ""}
      required={choose}
      empty={choose ? "— choose —" : undefined}
      choices={choicesOf(ACTOR_KINDS, kindLabel)}
    />
  );
}
