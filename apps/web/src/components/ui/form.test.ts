/**
 * SelectField, the one labelled select every form uses: rendered to markup, the parts a browser
 * and a screen reader rely on — the label around the select, the name and required flag the
 * server actions and the browser's validation read, the empty first choice, groups, tooltips.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { choicesOf, recordChoices, SelectField } from "./form";

const render = (props: Parameters<typeof SelectField>[0]) => renderToStaticMarkup(createElement(SelectField, props));
const optionsOf = (html: string) => [...html.matchAll(/<option([^>]*)>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);

describe("SelectField", () => {
  it("wraps the select in its label, so the label names it; the select keeps its name, default and required", () => {
    const html = render({
      label: "Stance",
      name: "stance",
      defaultValue: "denies",
      required: true,
      choices: choicesOf(
        ["asserts", "denies"],
        (s) => s,
        (s) => `the speaker ${s}`,
      ),
    });
    expect(html).toMatch(/^<label[^>]*>Stance<select[^>]*name="stance"[^>]*required=""[^>]*>.*<\/select><\/label>$/);
    expect(optionsOf(html)).toEqual([
      [' value="asserts" title="the speaker asserts"', "asserts"],
      [' value="denies" title="the speaker denies" selected=""', "denies"],
    ]);
  });

  it('puts the empty choice first with the value "", and with required a choice must be made', () => {
    const html = render({
      label: "Kind",
      name: "eventKind",
      defaultValue: "",
      required: true,
      empty: "— choose —",
      choices: [{ value: "attack", label: "attack" }],
    });
    expect(optionsOf(html)[0]).toEqual([' value="" selected=""', "— choose —"]);
    expect(html).toContain('required=""');
  });

  it("keeps a label for screen readers only when asked", () => {
    const html = render({ label: "Role of participant 1", hideLabel: true, name: "f.participants.role", choices: [] });
    expect(html).toContain('<span class="sr-only">Role of participant 1</span><select');
  });

  it("groups choices under their headings and leaves an empty group out", () => {
    const actors = [
      { id: "kataib-hezbollah", name: "Kataib Hezbollah" },
      { id: "iran", name: "Iran" },
    ];
    const html = render({
      label: "From",
      name: "fromId",
      empty: "— choose an actor —",
      choices: [
        { group: "Named in these words", choices: [] },
        { group: "Every actor", choices: recordChoices(actors, (a) => a.name) },
      ],
    });
    expect(html).not.toContain("Named in these words");
    expect(html).toContain('<optgroup label="Every actor"><option value="kataib-hezbollah">Kataib Hezbollah</option>');
  });

  it("passes multiple, size and the select's classes through", () => {
    const html = render({
      label: "About these actors",
      name: "f.aboutActorIds",
      multiple: true,
      size: 6,
      defaultValue: ["iran"],
      selectClassName: "h-auto",
      choices: recordChoices([{ id: "iran", name: "Iran" }], (a) => a.name),
    });
    expect(html).toMatch(/<select[^>]*multiple=""[^>]*size="6"/);
    expect(html).toMatch(/<select class="[^"]*h-auto/);
    expect(optionsOf(html)).toEqual([[' value="iran" selected=""', "Iran"]]);
  });
});
