import { describe, expect, it } from "vitest";
import { nameInitials, nameKey, queryKeys } from "./search-keys.js";

describe("name keys", () => {
  it.each([
    ["Kataib Hezbollah", "Kataeb Hizballah"],
    ["Kata’ib Hezbollah", "Kataib Hizbullah"],
    ["Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"],
    ["Hadi al-Amiri", "Hadi Ameri"],
    ["Qasem Soleimani", "Qassem Suleimani"],
    ["Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq"],
    ["Muqtada al-Sadr", "Moqtada Sadr"],
  ])("gives %s and %s the same key", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it("keeps different names apart", () => {
    expect(nameKey("Qais al-Khazali")).not.toBe(nameKey("Ali Khamenei"));
    expect(nameKey("Khazali")).toBe("kVdVlV");
    expect(nameKey("Ali Khamenei")).toBe("VlV kVmVnV");
    // The pattern of vowels stays: Omar is not Amiri.
    expect(nameKey("Omar")).not.toBe(nameKey("Amiri"));
  });

  it("gives initials of multi-word names only", () => {
    expect(nameInitials("Kataib Hezbollah")).toBe("kh");
    expect(nameInitials("Asaib Ahl al-Haq")).toBe("aah");
    expect(nameInitials("Popular Mobilization Forces")).toBe("pmf");
    expect(nameInitials("Iran")).toBe("");
  });

  it("reads a query as a key only with three consonants or more, and as initials when it is one short word", () => {
    expect(queryKeys("Kataeb")).toEqual({ key: "kVtVb", initials: null });
    expect(queryKeys("KH")).toEqual({ key: null, initials: "kh" });
    expect(queryKeys("al")).toEqual({ key: null, initials: null });
    expect(queryKeys("Mohandes")).toEqual({ key: "mVhVndVs", initials: null });
  });
});
