/**
 * The normalized resource graph (SPEC section 2). Provider-neutral: rules read
 * only this, never HCL syntax or a provider's attribute names. The catalog
 * (src/catalog) turns evaluated provider resources into these nodes.
 */

/** A place in a scanned file. Lines/columns 1-based, columns in UTF-16 code units. */
export interface Location {
  /** Path relative to the scan root, POSIX separators. */
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A value that static analysis could not determine, with why and what would help. */
export interface UnknownFact {
  unknown: true;
  reason: string;
  hint?: string;
}

/** Three-valued facts: a known value, or an unknown with its reason. */
export type Fact<T> = T | UnknownFact;

export function isUnknownFact(v: unknown): v is UnknownFact {
  return typeof v === "object" && v !== null && (v as UnknownFact).unknown === true;
}

export function unknownFact(reason: string, hint?: string): UnknownFact {
  return hint === undefined ? { unknown: true, reason } : { unknown: true, reason, hint };
}

export type ComponentKind =
  | "database"
  | "object-store"
  | "volume"
  | "file-system"
  | "cache"
  | "queue"
  | "stream"
  | "secret"
  | "key"
  | "search-index"
  | "warehouse"
  | "log-store"
  | "state-backend";

export type Provider = "aws" | "google" | "azurerm" | "kubernetes";

/** Where a node comes from: its root module and Terraform address. */
export interface NodeIdentity {
  /** Unique in the scan: `${root}::${address}`. */
  id: string;
  /** Root module directory relative to the scan root ("." for the scan root itself). */
  root: string;
  /** Terraform address within the root, e.g. `module.db.aws_db_instance.this[0]`. */
  address: string;
  /** Provider resource type, e.g. `aws_dynamodb_table`. */
  type: string;
  /** Block header of the resource. */
  location: Location;
  /**
   * Locations of attributes/blocks in the node's own block, by key path
   * (`point_in_time_recovery.enabled`, `backup_retention_period`). Rules anchor
   * findings on these when the deciding attribute is in the node's block.
   */
  anchors: Record<string, Location>;
  /**
   * More about an anchor's place, for findings that land there: related locations (a chart
   * default's line) and properties (key path, effective value, origin) (issue 6, Locations).
   */
  anchorDetails?: Record<string, { related?: { location: Location; message: string }[]; properties?: Record<string, string> }>;
  /** Variant it belongs to ("" or absent: the default); a Helm `values-prod.yaml` environment. */
  environment?: string;
}

/** One stream of restorable points in time for a component (SPEC section 1, Aggregation). */
export interface RecoveryStream {
  /** What produces it: native automated backups, PITR, a plan rule, a copy, a snapshot policy, versioning... */
  via: "native" | "pitr" | "plan-rule" | "copy" | "snapshot-policy" | "versioning" | "soft-delete" | "external";
  /** Id of the mechanism node that produces it (absent for native streams). */
  mechanismId?: string;
  /** null = kept forever. */
  retentionDays: Fact<number | null>;
  /** Largest gap between two recovery points, in hours (PITR: minutes, as a fraction). */
  intervalHours: Fact<number>;
  region: Fact<string>;
  account: Fact<string | null>;
  /** Where the stream is declared (the deciding attribute). */
  location: Location;
  /** Where its retention is decided when that is a more precise place (a plan rule's delete_after). */
  retentionLocation?: Location;
  /** Where its interval is decided (a plan rule's schedule). */
  intervalLocation?: Location;
  /** Days after which its points move to a tier that needs a restore job (AWS Backup cold storage, Glacier); null/absent = never. */
  coldAfterDays?: Fact<number | null>;
  /** Vault node id the points are stored in (plan rules, copy actions), when known. */
  vaultId?: Fact<string>;
  /** Lock on the points of an `external_backups:` entry (its vault_lock), when the config states one. */
  externalLock?: "compliance" | "governance";
  /** What produces it, in the provider's words ("Azure Backup policy"), when not an AWS Backup plan rule. */
  label?: string;
  /** For copies: how the copy is made (a key of the region rules' names: "backup-copy-action", "gce-snapshot-location"...). */
  copyVia?: string;
  /**
   * Whether the points are encrypted, when that is decided by the backup itself rather than by the
   * source's encryption or a vault's key (a chart's dump file on a PVC, a CloudNativePG object store's
   * wal/data encryption, a restic repository). Absent: the source's or the vault's key decides.
   */
  encrypted?: Fact<boolean>;
}

export interface NativeBackup {
  /** Automated backups/snapshots that the service keeps on its own. */
  enabled: Fact<boolean>;
  retentionDays: Fact<number | null>;
  pointInTime: Fact<boolean>;
  frequencyHours: Fact<number>;
  /** Anchor key of the deciding attribute in the component's block, when written there. */
  anchor?: string;
  /** Where the deciding attribute is when it is outside the component's block (aws_s3_bucket_versioning...). */
  location?: Location;
  /** Which kind of stream the native backups are (default "native"). */
  via?: RecoveryStream["via"];
  /** Most days the native backups can keep, when below the usual 35 (Cosmos DB continuous backup: 30). */
  maxRetentionDays?: number;
  /** Anchor key of the attribute deciding retentionDays when it is not `anchor` (Cloud SQL retained_backups). */
  retentionAnchor?: string;
  /** A second native stream kept longer at a lower frequency (Azure SQL long-term retention). */
  longTerm?: { retentionDays: Fact<number | null>; frequencyHours: Fact<number>; anchor?: string };
}

export interface Component extends NodeIdentity {
  node: "component";
  provider: Provider;
  kind: ComponentKind;
  /** False for stores that cannot be backed up at all (memcached): ephemeral by nature. */
  backupCapable: boolean;
  region: Fact<string>;
  account: Fact<string | null>;
  /** Resource tags (Google: labels) with provider default_tags (default_labels) merged in. */
  tags: Fact<Record<string, Fact<string>>>;
  /** Anchor key of the attribute holding its tags or labels, when written in its block. */
  tagsAnchor?: string;
  /** Kubernetes: its namespace and the cluster it runs in (cluster name; absent = the scan's one cluster). */
  namespace?: Fact<string>;
  cluster?: string;
  /** Kubernetes: the pod opts its data volume in to file-system backup (Velero `backup.velero.io/backup-volumes`). */
  fsBackupOptIn?: Fact<boolean>;
  /**
   * Kubernetes: the workload keeps its data only in an emptyDir (persistence disabled): nothing survives a
   * pod restart. Not a backup gap unless its class needs the data kept (COV-001 says so).
   */
  ephemeralStorage?: { location: Location; anchor: string };
  /** The resource's ARN (or provider id) when it can be built; used by ARN selections. */
  arn: Fact<string>;
  /** AWS Backup resource type name (`DynamoDB`, `RDS`, `Aurora`, `EFS`, `EBS`, `EC2`, `S3`...), for region opt-in. */
  backupResourceType?: string;
  nativeBackup: NativeBackup;
  encryption: {
    atRest: Fact<boolean>;
    keyId?: Fact<string>;
    /** Encrypted with a KMS key, customer or AWS managed (S3 SSE-KMS), as opposed to service-owned keys. */
    kms?: Fact<boolean>;
    /** The key is customer managed (false: AWS owned or AWS managed, e.g. `aws/rds`). */
    customerManagedKey?: Fact<boolean>;
    /** Anchor keys of the encryption flag and of the key attribute, when written in the component's block. */
    anchor?: string;
    keyAnchor?: string;
  };
  copies: ComponentCopy[];
  /** How AWS Backup encrypts this component's backups: with the source's own key (snapshots of RDS, EBS...) or the vault's key (fully managed types). */
  backupEncryption?: Fact<"source" | "vault">;
  /** For keys: what decides whether data encrypted with the key stays retrievable. */
  keyFacts?: KeyFacts;
  deletionProtection: Fact<boolean>;
  /** Key path of the attribute deciding deletionProtection (DEL-002's anchor when written in the block). */
  deletionProtectionAnchor?: string;
  backupsSurviveDeletion: Fact<boolean>;
  /**
   * Components whose backup also covers this one (an EC2 instance covers its
   * attached volumes): ids of "parent" components.
   */
  coveredWith: string[];
  /** Names other resources and backends use for it by literal value (bucket or storage account name), when known. */
  names?: string[];
  /** The ARN in parts, so selections can match it when some parts are unknown. */
  arnParts?: ArnParts;
  /** `lifecycle { prevent_destroy = true }`. */
  preventDestroy?: boolean;
  /** A final snapshot/backup is taken when the resource is deleted (RDS skip_final_snapshot = false...). */
  finalSnapshot?: Fact<boolean>;
  /** WORM protection of the data itself: S3 Object Lock, a locked Cloud Storage retention policy, an Azure immutability policy. */
  objectLock?: {
    enabled: Fact<boolean>;
    /** "COMPLIANCE" (nobody can shorten or remove it) or "GOVERNANCE" (privileged users can). */
    mode?: Fact<string>;
    retentionDays?: Fact<number | null>;
    location: Location;
    modeLocation?: Location;
    retentionLocation?: Location;
    /** Its name in the provider's words when it is not S3 Object Lock ("bucket retention policy", "immutability policy"). */
    label?: string;
  };
  /** For stores that expire their own data (log groups, queues, streams, S3 expiration): days kept; null = forever. */
  dataRetentionDays?: Fact<number | null>;
  /** Anchor key of the attribute deciding dataRetentionDays, when it is in the component's block. */
  dataRetentionAnchor?: string;
  /** Where dataRetentionDays is decided when outside the component's block (aws_s3_bucket_lifecycle_configuration...). */
  dataRetentionLocation?: Location;
  /** Days after which the data itself moves to a tier that needs a restore job (S3 Glacier/Deep Archive); null/absent = never. */
  dataColdAfterDays?: Fact<number | null>;
  /** Roots whose Terraform state this bucket holds (`backend "s3" { bucket = ... }`); the kind is then `state-backend`. */
  stateBackendOf?: string[];
  /**
   * Secrets, keys and key vaults: whether a delete can be made final at once, with no
   * recovery window (COV-004). `observed` and `fix` are in the provider's words.
   */
  deletionRecovery?: { immediate: Fact<boolean>; observed: string; fix: string; anchor: string };
  /**
   * Fixes in the provider's terms, for providers other than AWS (rules otherwise name AWS Backup):
   * how to start backing it up (COV-001), to copy it to another region (REG-001), to keep
   * points longer than its native backups can (RET-*), each a clause without a final period.
   */
  remedies?: Remedies;
  /** Anything else a rule may need, by name (e.g. `dlqArn`, `recoveryWindowDays`, `keyDeletionWindowDays`). */
  attributes?: Record<string, Fact<string | number | boolean | null>>;
  /**
   * Addresses of the resources that deliver audit logs into this component
   * (a CloudTrail trail's bucket, a flow log's destination, S3 server access log
   * and load balancer access log targets): it is classed audit-log unless tagged otherwise.
   */
  receivesAuditLogs?: string[];
}

/**
 * Fixes in a provider's terms, each a clause without a final period. The first three are
 * required for providers other than AWS (rules otherwise name AWS Backup); the others
 * replace a rule's AWS wording where the rule applies to the provider.
 */
export interface Remedies {
  /** COV-001: how to start backing it up. */
  enableBackup: string;
  /** REG-001/REG-002: how to keep a copy in another region. */
  crossRegionCopy: string;
  /** RET-*: how to keep points longer than its native backups can. */
  longerRetention: string;
  /** REG-003: how to keep a copy in another account (project, subscription). */
  crossAccountCopy?: string;
  /** RPO-001: how to back it up more often. */
  moreFrequent?: string;
  /** ENC-001: how to encrypt its backups with a customer managed key. */
  customerManagedKey?: string;
  /** ENC-001: how to encrypt backups that are stored unencrypted (a chart's dump on a PVC, an unencrypted volume). */
  encryptBackups?: string;
  /** DEL-001: how to keep its backups when it is deleted. */
  keepBackupsOnDelete?: string;
  /** DEL-002: how to protect it from deletion. */
  deletionProtection?: string;
  /** IMM-001: how to make its recovery points immutable when no vault holds them. */
  immutability?: string;
  /** RTS-001: how to test its restores. */
  restoreTesting?: string;
}

/** A copy or replica of a component's data (replication, replicas, read replicas). */
export interface ComponentCopy {
  region: Fact<string>;
  account: Fact<string | null>;
  via: string;
  /** Where the copy is configured. */
  location?: Location;
  /** Anchor key path when the copy is configured in the component's own block (`replica`). */
  anchor?: string;
  /** Key that encrypts the copy at its destination (node id or ARN/alias). */
  keyId?: Fact<string>;
  /** Object replication: are objects encrypted with SSE-KMS replicated, and with which key at the destination. */
  kmsObjects?: { selected: Fact<boolean>; replicaKeyId?: Fact<string>; location: Location };
}

/** Facts of an encryption key (KMS key or replica key). Anchors name the key path of each deciding attribute when written. */
export interface KeyFacts {
  enabled: Fact<boolean>;
  deletionWindowDays: Fact<number>;
  multiRegion: Fact<boolean>;
  /** The key policy lets the account's root principal use and administer the key (true with the default key policy). */
  policyAllowsAccountRoot: Fact<boolean>;
  /** Where the policy is set when outside the key's block (aws_kms_key_policy). */
  policyLocation?: Location;
  /** Where the deletion window is decided when outside the key's block (an Azure key's vault). */
  deletionWindowLocation?: Location;
  /** What makes the window short and how to lengthen it, in the provider's terms (providers other than AWS). */
  deletionWindowRemedy?: { observed: string; fix: string };
  /** A replica key: node id of its primary key. */
  primaryKeyId?: Fact<string>;
  anchors: { enabled?: string; deletionWindowDays?: string; multiRegion?: string; policy?: string };
}

/** An ARN split into its parts; `resource` is the type prefix (e.g. `table/`) plus the name. */
export interface ArnParts {
  partition: string;
  service: string;
  /** Region as it appears in the ARN ("" for S3 buckets). */
  region: Fact<string>;
  /** Account as it appears in the ARN ("" for S3 buckets); null = not known, does not block a match. */
  account: Fact<string | null>;
  resourcePrefix: string;
  name: Fact<string>;
}

export interface BackupPlanRule {
  name: string;
  location: Location;
  /** Vault node id the points are stored in; absent for mechanisms without vaults (snapshot schedules). */
  vaultId?: Fact<string>;
  intervalHours: Fact<number>;
  /** null = recovery points are kept forever (no lifecycle). */
  retentionDays: Fact<number | null>;
  coldStorageAfterDays: Fact<number | null>;
  continuous: Fact<boolean>;
  copyActions: {
    destinationRegion: Fact<string>;
    destinationAccount: Fact<string | null>;
    retentionDays: Fact<number | null>;
    location: Location;
    /** Cold-storage transition of the copies (inherited from the rule when the copy has no lifecycle). */
    coldStorageAfterDays?: Fact<number | null>;
    /** Destination vault node id, when it is in the scan. */
    destinationVaultId?: Fact<string>;
    retentionLocation?: Location;
    coldStorageLocation?: Location;
    /** How the copy is made, when not an AWS Backup copy action (`CopyOf.via`: "gce-snapshot-location", "azure-geo-redundant-vault"...). */
    via?: string;
  }[];
  /**
   * Kubernetes backups (Velero): how volume data is captured. Absent: the rule captures the data
   * (every other mechanism). Snapshots stay in the cluster's region and account (the rule's own
   * stream); data moved to storage (file-system backup, snapshot data movement) lands in the
   * copy actions' storage location. Neither: the rule copies object metadata only (COV-006).
   */
  volumeData?: { snapshots: Fact<boolean>; toStorage: Fact<boolean | "opt-in">; location: Location };
  /** Whether its points are encrypted on their own terms (see RecoveryStream.encrypted); absent: the source's or the vault's key decides. */
  encrypted?: Fact<boolean>;
  /** Where delete_after / cold_storage_after / the schedule are written, when they are. */
  retentionLocation?: Location;
  coldStorageLocation?: Location;
  scheduleLocation?: Location;
}

export interface BackupPlan extends NodeIdentity {
  node: "backup-plan";
  /** Default "aws". */
  provider?: Provider;
  /** What it is in the provider's words ("Azure Backup policy", "snapshot schedule"), when not an AWS Backup plan. */
  label?: string;
  region: Fact<string>;
  account: Fact<string | null>;
  rules: BackupPlanRule[];
  /** The rules come from a `dynamic "rule"` whose expansion is unknown. */
  unknownRules?: UnknownFact;
}

/** A tag criterion: `key` compared to `value` by an operator (AWS Backup semantics, case-sensitive). */
export interface TagCriterion {
  key: Fact<string>;
  value: Fact<string>;
  /** `exists`/`notExists`/`in`/`notIn`: Kubernetes label selector operators (`in` and `notIn` read `values`). */
  op: "equals" | "like" | "notEquals" | "notLike" | "exists" | "notExists" | "in" | "notIn";
  values?: string[];
  location: Location;
}

/** An item of `resources`/`not_resources`: a reference to an in-scan node, or an ARN (pattern). */
export type ResourceSelector =
  | {
      by: "ref";
      address: string;
      root: string;
      location: Location;
      /** The selector may name this resource but it is not sure (a literal name that several in-scan resources carry): a match is unknown, with this reason. */
      uncertain?: string;
    }
  | { by: "arn"; pattern: string; location: Location }
  | { by: "unknown"; reason: string; location: Location };

export interface BackupSelection extends NodeIdentity {
  node: "backup-selection";
  /** Default "aws": a selection only ever selects components of its own provider. */
  provider?: Provider;
  /**
   * Protects exactly the resources it names (an Azure protected item, a Backup and DR plan
   * association, a disk's snapshot schedule attachment): the provider itself rejects a
   * resource in another region or account, so places are not compared.
   */
  association?: boolean;
  planId: Fact<string>;
  region: Fact<string>;
  account: Fact<string | null>;
  resources: ResourceSelector[];
  notResources: ResourceSelector[];
  /** `selection_tag` blocks: any one matching selects (OR). */
  anyTags: TagCriterion[];
  /** `condition` block entries: all must hold (AND). */
  allConditions: TagCriterion[];
  /** The selection's criteria as a whole could not be evaluated. */
  unknown?: UnknownFact;
  /**
   * Accounts the selection applies in, when it is not only its own (an AWS Organizations
   * backup policy attached to accounts, OUs or the root): "all", a list, or unknown.
   */
  accountScope?: Fact<string[] | "all">;
  /** Where it comes from when not an aws_backup_selection (`organizations-policy`). */
  origin?: "organizations-policy";
  /**
   * Kubernetes: namespaces it selects (globs; an empty include list or `*` is every namespace) and
   * the cluster it runs in (absent = the scan's one cluster). Label selectors are `allConditions`.
   */
  namespaces?: { include: string[]; exclude: string[] };
  cluster?: string;
  /** Computed with coverage (COV-002): may it select any component of the scan, and where does it nearly miss? */
  reach?: {
    mayMatch: boolean;
    /** Tag criteria no selectable component in its place satisfies, with the components that nearly do. */
    nearMisses: { criterion: TagCriterion; componentIds: string[] }[];
    /** References to resources that are not in the scan. */
    missingRefs: ResourceSelector[];
  };
}

export interface RegionSettings extends NodeIdentity {
  node: "region-settings";
  region: Fact<string>;
  account: Fact<string | null>;
  /** Per AWS Backup resource type: opted in? */
  optIn: Record<string, Fact<boolean>>;
}

export interface BackupVault extends NodeIdentity {
  node: "backup-vault";
  /** Default "aws". */
  provider?: Provider;
  name: Fact<string>;
  region: Fact<string>;
  account: Fact<string | null>;
  keyId?: Fact<string>;
  /** Anchor key of the vault's key attribute (default `kms_key_arn`). */
  keyAnchor?: string;
  /** The vault key is customer managed (false: AWS Backup's AWS managed key `aws/backup`). */
  customerManagedKey?: Fact<boolean>;
  /** From `aws_backup_vault_lock_configuration` (changeable_for_days set = compliance mode). */
  lock?: {
    mode: Fact<"governance" | "compliance">;
    minRetentionDays: Fact<number | null>;
    maxRetentionDays: Fact<number | null>;
    location: Location;
    /** Where min_retention_days / changeable_for_days are written, when they are. */
    minRetentionLocation?: Location;
    modeLocation?: Location;
    /**
     * The lock keeps every point for its whole retention (Azure immutable vaults): there is no
     * separate minimum that could be shorter, so minRetentionDays is not judged.
     */
    holdsPointRetention?: boolean;
  };
  /**
   * How job failures are reported when the provider raises alerts of its own (Azure Backup's
   * built-in job-failure alerts); absent for AWS, where notifications and EventBridge rules decide.
   */
  failureAlerts?: { enabled: Fact<boolean>; location: Location; anchor: string; fix: string; observed?: string };
  /**
   * The repository of the vault's backups is protected by a secret that may be a known static default
   * (Velero's kopia/restic repository password, `static-passw0rd` unless the Secret is created first): ENC-004.
   */
  repositorySecret?: { staticDefault: Fact<boolean>; location: Location; anchor: string; observed: string; fix: string };
  /** Fixes in the provider's terms for vaults of providers other than AWS. */
  remedies?: { lock: string; governanceToCompliance: string; longerLock?: string };
  /** From `aws_backup_vault_notifications`. */
  notifications: { events: Fact<string[]>; topic: Fact<string>; location: Location; topicAcceptsBackup?: Fact<boolean> }[];
  /** `force_destroy`: deleting the vault deletes its recovery points. */
  forceDestroy?: Fact<boolean>;
}

/** An EventBridge rule on AWS Backup job state changes (aws_cloudwatch_event_rule). */
export interface BackupEventRule extends NodeIdentity {
  node: "event-rule";
  region: Fact<string>;
  account: Fact<string | null>;
  /** Which failed job kinds its event pattern matches. */
  failedJobs: Fact<{ backup: boolean; copy: boolean }>;
}

/** `aws_backup_restore_testing_plan` / `_selection`: nodes only for now. */
export interface RestoreTesting extends NodeIdentity {
  node: "restore-testing";
  role: "plan" | "selection";
  /** For a selection: id of its restore-testing plan. */
  planId?: Fact<string>;
  /** For a selection: `protected_resource_type` (AWS Backup type name: RDS, DynamoDB, EBS...). */
  resourceType?: Fact<string>;
  /** For a selection: `protected_resource_arns` ("*" = all of the type). */
  resourceArns?: ResourceSelector[];
  /** For a selection: `protected_resource_conditions` (all must hold). */
  conditions?: TagCriterion[];
  region: Fact<string>;
  account: Fact<string | null>;
}

/** Snapshot lifecycle policies (DLM, GCE schedules): select volumes/instances by target tags. */
export interface SnapshotPolicy extends NodeIdentity {
  node: "snapshot-policy";
  region: Fact<string>;
  account: Fact<string | null>;
  /** Resource kinds it snapshots (AWS DLM: VOLUME, INSTANCE). */
  targetResourceTypes: string[];
  targetTags: Fact<Record<string, string>>;
  enabled: Fact<boolean>;
  intervalHours: Fact<number>;
  retentionDays: Fact<number | null>;
}

/** Cross-region/account replication of a component (S3 replication, RDS automated backup replication...). */
export interface Replication extends NodeIdentity {
  node: "replication";
  sourceId: Fact<string>;
  /** Node id of the destination component when it is in the scan (the replica bucket). */
  destinationId?: string;
  destinationRegion: Fact<string>;
  destinationAccount: Fact<string | null>;
  /** True when the replica keeps restorable points (replicated automated backups), not just a mirror. */
  keepsRecoveryPoints: boolean;
  retentionDays: Fact<number | null>;
}

export type Mechanism = BackupPlan | BackupSelection | RegionSettings | BackupVault | SnapshotPolicy | Replication | RestoreTesting | BackupEventRule;
export type GraphNode = Component | Mechanism;

export type CoverageStatus = "covered" | "uncovered" | "unknown";

export interface Coverage {
  status: CoverageStatus;
  streams: RecoveryStream[];
  /** Why coverage is unknown, when it is. */
  unknowns: UnknownFact[];
  /** Locations that decided "uncovered" beyond the component (near-miss selections...). */
  related: { location: Location; message: string }[];
  /** Backups that select the component but copy only its metadata, not its volume data (COV-006). */
  metadataOnly?: { mechanismId: string; location: Location; message: string }[];
  /**
   * Mechanisms that may or may not cover the component (unknown tags, unknown native
   * backups, unreadable modules), with the streams they would add (empty when not
   * even those are known). Retention and frequency judged without them stay unknown.
   */
  uncertain?: { reason: UnknownFact; streams: RecoveryStream[] }[];
}

/** A value the scan could not determine, as listed in outputs ("could not determine region of ..."). */
export interface ScanUnknown {
  subject: string;
  root: string;
  what: string;
  reason: string;
  hint?: string;
  location?: Location;
}

export interface Graph {
  components: Component[];
  mechanisms: Mechanism[];
  /** Lookups rules ask many times (src/graph/lookup.ts); buildGraph fills it. */
  lookup?: import("./lookup.js").GraphLookup;
  /** Coverage per component id, computed over the whole graph. */
  coverage: Map<string, Coverage>;
  unknowns: ScanUnknown[];
}
