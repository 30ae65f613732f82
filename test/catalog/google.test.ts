import { describe, expect, it } from "vitest";
import { isGoogleProvider, regionOfGoogleLocation } from "../../src/catalog/google.js";

describe("regionOfGoogleLocation", () => {
  it("maps a zone to its region", () => {
    expect(regionOfGoogleLocation("us-central1-a")).toBe("us-central1");
    expect(regionOfGoogleLocation("europe-west4-b")).toBe("europe-west4");
  });
  it("keeps regions and multi-regions, lower case", () => {
    expect(regionOfGoogleLocation("US-CENTRAL1")).toBe("us-central1");
    expect(regionOfGoogleLocation("EU")).toBe("eu");
    expect(regionOfGoogleLocation("nam5")).toBe("nam5");
  });
});

describe("isGoogleProvider", () => {
  it("accepts google and google-beta only", () => {
    expect(isGoogleProvider("google")).toBe(true);
    expect(isGoogleProvider("google-beta")).toBe(true);
    expect(isGoogleProvider("aws")).toBe(false);
  });
});
