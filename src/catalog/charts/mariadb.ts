/**
 * bitnami/mariadb (research: chart 23.0.1): the same primary/secondary shape as bitnami/mysql
 * (templates/primary/statefulset.yaml, templates/secondary/statefulset.yaml), no built-in backup.
 *
 * Transparent Data Encryption (`tde.enabled`, default false, line 236): the keys live in a
 * Kubernetes Secret (`tde.existingSecret`, line 237) or come through the Secrets Store CSI driver
 * from Vault (`tde.secretsStoreProvider.enabled`, line 252). The chart README: "If you enable TDE,
 * the MariaDB data cannot be recovered if your encryption keys are lost. Always backup your
 * encryption keys and store in a secure location outside of the cluster." No Kubernetes field
 * says this, so the StatefulSets carry it as annotations:
 *   restorable.dev/encryption-at-rest: "tde"
 *   restorable.dev/encryption-key-source: "secret/<name>" | "secrets-store-csi" | "unknown"
 * (unknown: tde.enabled with neither, which the chart's TDE setup needs one of).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import type { YamlPath } from "../../helm/yaml.js";
import { Bitnami } from "./bitnami.js";
import { primaryAndSecondaries, replicatedDefaults } from "./mysql.js";

export const ENCRYPTION_AT_REST = "restorable.dev/encryption-at-rest";
export const ENCRYPTION_KEY_SOURCE = "restorable.dev/encryption-key-source";

function tdeMarkers(b: Bitnami): { key: string; value: string; path: YamlPath }[] {
  if (!b.v.truthy(["tde", "enabled"])) return [];
  const source = b.v.truthy(["tde", "secretsStoreProvider", "enabled"])
    ? { value: "secrets-store-csi", path: ["tde", "secretsStoreProvider", "enabled"] }
    : b.v.truthy(["tde", "existingSecret"])
      ? { value: `secret/${b.v.string(["tde", "existingSecret"])}`, path: ["tde", "existingSecret"] }
      : { value: "unknown", path: ["tde", "enabled"] };
  return [
    { key: ENCRYPTION_AT_REST, value: "tde", path: ["tde", "enabled"] },
    { key: ENCRYPTION_KEY_SOURCE, ...source },
  ];
}

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "mariadb");
  return { objects: primaryAndSecondaries(b, { chart: "mariadb", container: "mariadb", markers: tdeMarkers(b) }) };
}

/**
 * Defaults (bitnami/mariadb/values.yaml 23.0.1; lines from the research notes): architecture 122,
 * primary.persistence.enabled 624, existingClaim 628, storageClass 639, size 652;
 * secondary.replicaCount 755, secondary.persistence.enabled 1059; tde 236-252.
 */
export const mariadb: ChartKnowledge = {
  charts: ["mariadb"],
  majors: { min: 23, max: 23 },
  source: "bitnami/charts bitnami/mariadb 23.0.1 (research snapshot 5165628ae0); templates and README from bitnami/charts main",
  defaults: { ...replicatedDefaults("bitnami/mariadb"), tde: { enabled: false, existingSecret: "", secretsStoreProvider: { enabled: false } } },
  render,
};
