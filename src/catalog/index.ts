/**
 * The catalog: what each provider resource type means for backups (SPEC section
 * 1, normalize). Data-like: adding a type is adding an entry in the provider's
 * file (src/catalog/aws.ts). Three entry shapes:
 * - ComponentEntry: the type holds data worth restoring;
 * - LinkEntry: a split resource that configures a component (S3 versioning,
 *   EFS backup policy, volume attachment...);
 * - MechanismEntry: a backup mechanism (plan, selection, vault, DLM policy...).
 */
import type { ArnParts, BackupVault, Component, ComponentCopy, ComponentKind, Fact, KeyFacts, Mechanism, NativeBackup, Provider } from "../graph/types.js";
import type { ResourceInstance, UnresolvedModule } from "../terraform/types-evaluated.js";
import type { Value } from "../terraform/value.js";

/** What a catalog function knows beyond the resource itself. */
export interface CatalogContext {
  region: Fact<string>;
  account: Fact<string | null>;
  /** Node id (`root::address`) of a resource referenced from this root, when it is in the scan. */
  idOf(root: string, address: string): string | undefined;
  /** The resource instance behind an address of a root. */
  resource(root: string, address: string): ResourceInstance | undefined;
  /** Region and account of a resource's provider configuration. */
  placeOf(r: ResourceInstance): { region: Fact<string>; account: Fact<string | null> };
  /** Every resource of a type in the scan's roots, managed and data (resources that name another by literal name: an Azure policy's vault, a lock's scope). */
  resourcesOfType(type: string): readonly ResourceInstance[];
  /** The resources of a type whose attribute `attr` is the literal string `value`, found by key (a monorepo may hold thousands of one type). */
  resourcesWithLiteral(type: string, attr: string, value: string): readonly ResourceInstance[];
}

export interface ComponentEntry {
  provider: Provider;
  /** Provider documentation of the type (source of the defaults used below unless cited otherwise). */
  docs: string;
  kind(r: ResourceInstance): ComponentKind;
  /** False when the instance is part of another component (read replica, cluster member): no node. */
  isComponent?(r: ResourceInstance): boolean;
  /** Default true. False for stores that cannot be backed up at all (memcached). */
  backupCapable?(r: ResourceInstance): boolean;
  /** AWS Backup resource type name (region opt-in), when AWS Backup can select it. */
  backupResourceType?(r: ResourceInstance): string | undefined;
  arn?(r: ResourceInstance, ctx: CatalogContext): ArnParts;
  nativeBackup(r: ResourceInstance): NativeBackup;
  /** `anchor`/`keyAnchor`: key paths of the encryption flag and key attributes. */
  encryption?(r: ResourceInstance, ctx: CatalogContext): { atRest: Fact<boolean>; key?: Value; kms?: Fact<boolean>; anchor?: string; keyAnchor?: string };
  /** Its region when it is not its own or its provider's but its parent's (a Bigtable table's instance, a KMS key's key ring). */
  region?(r: ResourceInstance, ctx: CatalogContext): Fact<string> | undefined;
  /** For keys: enabled, deletion window, multi-Region, key policy. */
  keyFacts?(r: ResourceInstance, ctx: CatalogContext): KeyFacts;
  /** Copies configured in the component's own block (DynamoDB `replica`, Secrets Manager `replica`). */
  copies?(r: ResourceInstance, ctx: CatalogContext): ComponentCopy[];
  deletionProtection?(r: ResourceInstance, ctx: CatalogContext): Fact<boolean>;
  /** Fixes in the provider's terms (see Component.remedies). */
  remedies?(r: ResourceInstance): NonNullable<Component["remedies"]>;
  /** Secrets, keys, key vaults: can a delete be made final at once (COV-004)? */
  deletionRecovery?(r: ResourceInstance, ctx: CatalogContext): NonNullable<Component["deletionRecovery"]>;
  backupsSurviveDeletion?(r: ResourceInstance): Fact<boolean>;
  finalSnapshot?(r: ResourceInstance): Fact<boolean>;
  dataRetentionDays?(r: ResourceInstance): Fact<number | null>;
  /** Key path of the attribute deciding dataRetentionDays (an anchor when written in the block). */
  dataRetentionAnchor?: string;
  /** Days after which the data itself moves to a tier that needs a restore job (S3 Glacier). */
  dataColdAfterDays?(r: ResourceInstance): Fact<number | null>;
  attributes?(r: ResourceInstance, ctx: CatalogContext): Record<string, Fact<string | number | boolean | null>>;
  /** Name other resources may use to point at it by literal value (bucket name, file system id). */
  literalNames?(r: ResourceInstance): string[];
  /** Deciding attributes, by key path; become `anchors` when present in the block. */
  anchors: readonly string[];
  /** How its backups in a vault are encrypted: with its own key ("source": snapshots) or the vault's ("vault"). AWS types take it from their AWS Backup type. */
  backupEncryption?: "source" | "vault";
  /** Key path of the attribute that protects it from deletion (DEL-002 lands there when written). */
  deletionProtectionAnchor?: string;
  /** Key path of its tags: default `tags`; Google resources carry `labels` (Cloud SQL `settings.user_labels`). */
  tagsAttribute?: string;
  /** WORM protection of the data itself set in its own block (an Azure immutability policy); undefined when none. */
  objectLock?(r: ResourceInstance): Component["objectLock"] | undefined;
}

/** A resource that configures another one (by reference or literal name). */
export interface LinkEntry {
  /** Attribute holding the target (a ResourceRef, or a literal name). */
  targetAttribute: string;
  targetTypes: readonly string[];
  /** Mutate the target component; may return mechanisms (replication). */
  apply(target: Component, link: ResourceInstance, ctx: CatalogContext & { components: (root: string, address: string) => Component | undefined }): Mechanism[] | void;
}

export interface MechanismEntry {
  build(r: ResourceInstance, ctx: CatalogContext): Mechanism[];
}

export interface ProviderCatalog {
  components: Readonly<Record<string, ComponentEntry>>;
  links: Readonly<Record<string, LinkEntry>>;
  mechanisms: Readonly<Record<string, MechanismEntry>>;
  /** Resources that configure a vault (lock, notifications), targeted by `backup_vault_name`. */
  vaultLinks: Readonly<Record<string, (vault: BackupVault, r: ResourceInstance) => void>>;
  /** Module sources known to create backup plans/selections (registry `ns/name/provider` or git URLs). */
  isKnownBackupModule(source: string): boolean;
}

import { awsCatalog } from "./aws.js";
import { azurermCatalog } from "./azurerm.js";
import { googleCatalog } from "./google.js";

const catalogs: readonly ProviderCatalog[] = [awsCatalog, azurermCatalog, googleCatalog];

export function componentEntry(type: string): ComponentEntry | undefined {
  for (const c of catalogs) {
    const e = c.components[type];
    if (e) return e;
  }
  return undefined;
}

export function linkEntry(type: string): LinkEntry | undefined {
  for (const c of catalogs) {
    const e = c.links[type];
    if (e) return e;
  }
  return undefined;
}

export function mechanismEntry(type: string): MechanismEntry | undefined {
  for (const c of catalogs) {
    const e = c.mechanisms[type];
    if (e) return e;
  }
  return undefined;
}

export function vaultLink(type: string): ((vault: BackupVault, r: ResourceInstance) => void) | undefined {
  for (const c of catalogs) {
    const e = c.vaultLinks[type];
    if (e) return e;
  }
  return undefined;
}

export function isKnownBackupModule(m: Pick<UnresolvedModule, "source">): boolean {
  return catalogs.some((c) => c.isKnownBackupModule(m.source));
}
