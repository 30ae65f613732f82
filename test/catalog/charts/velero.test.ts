import { describe, expect, it } from "vitest";
import { velero } from "../../../src/catalog/charts/velero.js";
import { at, CHART_FILE, DECLARED_AT, find, lineOf, render, USER_FILE } from "./release.js";

const PROD = [
  "configuration:",
  "  defaultBackupTTL: 240h",
  "  backupStorageLocation:",
  "    - name: primary",
  "      provider: aws",
  "      bucket: corp-velero",
  "      prefix: prod",
  "      default: true",
  "      config:",
  "        region: eu-central-1",
  "        s3ForcePathStyle: true",
  "  volumeSnapshotLocation:",
  "    - name: ebs",
  "      provider: aws",
  "      config:",
  "        region: eu-central-1",
  "schedules:",
  "  daily:",
  "    schedule: '0 2 * * *'",
  "    template:",
  "      ttl: 72h",
  "      includedNamespaces: [payments]",
  "      snapshotVolumes: false",
  "  paused:",
  "    schedule: '@weekly'",
  "    paused: true",
  "  retired:",
  "    disabled: true",
  "    schedule: '@daily'",
].join("\n");

describe("vmware-tanzu velero chart", () => {
  it("renders the server Deployment with the args the chart writes", () => {
    const dep = find(render(velero, PROD, { name: "velero", namespace: "velero" }).objects, "Deployment", "velero");
    expect(dep.namespace).toBe("velero");
    expect(at(dep, "spec", "template", "spec", "containers", 0, "args")).toEqual(["server", "--uploader-type=kopia", "--default-backup-ttl=240h"]);
    expect(dep.origin(["spec", "template", "spec", "containers", 0, "args", 2])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 2 } });
    expect(dep.origin(["spec", "template", "spec", "containers", 0, "args", 1])).toMatchObject({ userSet: false, properties: { keyPath: "configuration.uploaderType", value: '"kopia"' } });
  });

  it("writes the bare --default-volumes-to-fs-backup flag, --default-snapshot-move-data only when true, and --features", () => {
    const user = "configuration:\n  defaultVolumesToFsBackup: true\n  defaultSnapshotMoveData: false\n  features: EnableCSI\n";
    const args = at(find(render(velero, user, { name: "velero" }).objects, "Deployment", "velero"), "spec", "template", "spec", "containers", 0, "args");
    expect(args).toEqual(["server", "--uploader-type=kopia", "--default-volumes-to-fs-backup", "--features=EnableCSI"]);
    const moved = at(find(render(velero, "configuration:\n  defaultSnapshotMoveData: true\n", { name: "velero" }).objects, "Deployment", "velero"), "spec", "template", "spec", "containers", 0, "args");
    expect(moved).toContain("--default-snapshot-move-data=true");
  });

  it("renders each BackupStorageLocation and VolumeSnapshotLocation with config values as strings", () => {
    const { objects } = render(velero, PROD, { name: "velero", namespace: "velero" });
    const bsl = find(objects, "BackupStorageLocation", "primary");
    expect(at(bsl, "spec")).toEqual({ provider: "aws", default: true, accessMode: "ReadWrite", objectStorage: { bucket: "corp-velero", prefix: "prod" }, config: { region: "eu-central-1", s3ForcePathStyle: "true" } });
    expect(bsl.origin(["spec", "config", "region"]).location).toMatchObject({ file: USER_FILE, startLine: lineOf(PROD, "region: eu-central-1") });
    const kms = bsl.origin(["spec", "config", "kmsKeyId"]);
    expect(kms).toMatchObject({ userSet: false, location: { startLine: lineOf(PROD, "      config:") }, properties: { keyPath: "configuration.backupStorageLocation[0].config.kmsKeyId", value: "unset" } });
    const vsl = find(objects, "VolumeSnapshotLocation", "ebs");
    expect(at(vsl, "spec")).toEqual({ provider: "aws", config: { region: "eu-central-1" } });
  });

  it("renders the chart's placeholder BSL and VSL named default when the user configures none, and none when disabled", () => {
    const bare = render(velero, "", { name: "velero" }).objects;
    expect(at(find(bare, "BackupStorageLocation", "default"), "spec")).toEqual({ provider: "", accessMode: "ReadWrite", objectStorage: { bucket: "" } });
    expect(find(bare, "BackupStorageLocation", "default").origin(["spec", "provider"]).location).toEqual(DECLARED_AT);
    const off = render(velero, "backupsEnabled: false\nsnapshotsEnabled: false\n", { name: "velero" }).objects;
    expect(off.map((o) => o.kind)).toEqual(["Deployment"]);
  });

  it("renders Schedules <fullname>-<name>, the template as given, skipping disabled ones", () => {
    const { objects } = render(velero, PROD, { name: "velero", namespace: "velero" });
    const schedules = objects.filter((o) => o.kind === "Schedule");
    expect(schedules.map((o) => o.name)).toEqual(["velero-daily", "velero-paused"]);
    const daily = schedules[0]!;
    expect(daily.namespace).toBe("velero");
    expect(at(daily, "spec")).toEqual({ schedule: "0 2 * * *", template: { ttl: "72h", includedNamespaces: ["payments"], snapshotVolumes: false } });
    expect(daily.origin(["spec", "template", "ttl"])).toMatchObject({ userSet: true, location: { startLine: lineOf(PROD, "ttl: 72h") } });
    expect(daily.origin(["spec", "template", "includedNamespaces", 0]).location).toMatchObject({ startLine: lineOf(PROD, "includedNamespaces") });
    expect(daily.origin(["spec", "template", "defaultVolumesToFsBackup"])).toMatchObject({ userSet: false, location: { startLine: lineOf(PROD, "    template:") }, properties: { keyPath: "schedules.daily.template.defaultVolumesToFsBackup", value: "unset" } });
    expect(at(schedules[1]!, "spec", "paused")).toBe(true);
    expect(daily.origin([]).location).toMatchObject({ startLine: lineOf(PROD, "  daily:") });
  });

  it("deploys the node-agent DaemonSet only with deployNodeAgent", () => {
    expect(render(velero, "", { name: "velero" }).objects.some((o) => o.kind === "DaemonSet")).toBe(false);
    const ds = find(render(velero, "deployNodeAgent: true\n", { name: "velero" }).objects, "DaemonSet", "node-agent");
    expect(ds.origin([])).toMatchObject({ userSet: true, location: { startLine: 1 } });
  });

  it("renders the PrometheusRule only when metrics and prometheusRule are both on", () => {
    const rules = "metrics:\n  prometheusRule:\n    enabled: true\n    spec:\n      - alert: VeleroBackupFailed\n        expr: velero_backup_last_status{schedule!=\"\"} != 1\n";
    const pr = find(render(velero, rules, { name: "velero" }).objects, "PrometheusRule", "velero");
    expect(at(pr, "spec", "groups", 0)).toEqual({ name: "velero", rules: [{ alert: "VeleroBackupFailed", expr: 'velero_backup_last_status{schedule!=""} != 1' }] });
    expect(pr.origin(["spec", "groups", 0, "rules", 0, "expr"]).location).toMatchObject({ startLine: 6 });
    expect(render(velero, rules + "  enabled: false\n", { name: "velero" }).objects.some((o) => o.kind === "PrometheusRule")).toBe(false);
    const none = render(velero, "", { name: "velero", chartFile: true }).objects;
    expect(none.some((o) => o.kind === "PrometheusRule")).toBe(false);
  });

  it("relates the chart's BSL line when the chart's values.yaml is in the scan", () => {
    const bsl = find(render(velero, "", { name: "velero", chartFile: true }).objects, "BackupStorageLocation", "default");
    expect(bsl.origin(["spec", "objectStorage", "bucket"]).related?.[0]?.location.file).toBe(CHART_FILE);
  });

  it("names its objects <release>-velero when the release name lacks the chart name", () => {
    expect(render(velero, "schedules:\n  hourly:\n    schedule: '@hourly'\n", { name: "backup" }).objects.map((o) => o.name)).toEqual(["backup-velero", "default", "default", "backup-velero-hourly"]);
  });

  it("reports a non-list location configuration (the chart's older single-map form) as unknown", () => {
    const r = render(velero, "configuration:\n  backupStorageLocation:\n    provider: aws\n    bucket: b\n", { name: "velero" });
    expect(r.objects.some((o) => o.kind === "BackupStorageLocation")).toBe(false);
    expect(r.unknowns?.[0]?.location).toMatchObject({ file: USER_FILE, startLine: 2 });
  });
});
