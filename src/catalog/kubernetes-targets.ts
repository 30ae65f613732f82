/**
 * Where operator and chart backups write (CloudNativePG object stores, k8up backends, chart backups
 * to object storage): the bucket's region, account, default encryption and lock, joined with the
 * Terraform bucket of the same name when the scan defines it; a vault node for it.
 */
import type { BackupVault, Component, Fact, Location } from "../graph/types.js";
import { unknownFact } from "../graph/types.js";
import { identityOf, placeOf, type K8sObject } from "./kubernetes-common.js";
import { isAwsEndpoint, isInClusterEndpoint, lockOfBucket, regionOfS3Endpoint, type Buckets } from "./kubernetes-context.js";

export interface Destination {
  /** What it is, for messages: `s3://ledger-backups`. */
  label: string;
  bucket?: string;
  region: Fact<string>;
  account: Fact<string | null>;
  /** The bucket encrypts what it stores even when the backup asks for nothing (S3, Cloud Storage and Azure Storage always do). */
  encryptedByDefault: Fact<boolean>;
  /** The Terraform bucket of the scan, when joined. */
  joined?: Component;
  /** The data stays in the cluster (an in-cluster endpoint, a local path). */
  inCluster: boolean;
}

/**
 * A backup destination from a URL and an optional endpoint:
 * - `s3://bucket/path`: AWS S3 unless an endpoint names another store; the endpoint
 *   (s3.<region>.amazonaws.com) or the joined aws_s3_bucket gives the region. Since 2023-01-05 S3
 *   encrypts every new object with SSE-S3 by default.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 * - `gs://bucket/path`: Cloud Storage, always encrypted at rest; the joined google_storage_bucket's location.
 *   https://cloud.google.com/storage/docs/encryption/default-keys
 * - `https://<account>.blob.core.windows.net/<container>/...`: Azure Blob Storage, always encrypted;
 *   the joined azurerm_storage_account's location. https://learn.microsoft.com/azure/storage/common/storage-service-encryption
 * An endpoint inside the cluster (a MinIO service) keeps the backups in the cluster's region.
 */
export function destinationOf(url: string | undefined, endpoint: string | undefined, owner: K8sObject, buckets: Buckets): Destination {
  const place = placeOf(owner);
  const label = url ?? endpoint ?? "(no destination)";
  if (endpoint && isInClusterEndpoint(endpoint)) return { label, region: place.region, account: place.account, encryptedByDefault: unknownFact(`${endpoint} is an object store inside the cluster, whose encryption is not catalogued`), inCluster: true };
  const s3 = /^s3:\/\/([^/]+)/.exec(url ?? "");
  if (s3) {
    const bucket = s3[1]!;
    if (endpoint && !isAwsEndpoint(endpoint)) {
      return { label, bucket, region: unknownFact(`${label} is on ${endpoint}, an S3-compatible store whose region is not known`), account: null, encryptedByDefault: unknownFact(`${endpoint} is an S3-compatible store whose default encryption is not catalogued`), inCluster: false };
    }
    const joined = buckets.find("s3", bucket);
    const region = (endpoint ? regionOfS3Endpoint(endpoint) : undefined) ?? joined?.region ?? unknownFact(`the region of bucket ${bucket} is not known: the bucket is not in the scan and no regional endpoint names it`, `scan the Terraform that defines bucket ${bucket}, or set the endpoint to https://s3.<region>.amazonaws.com`);
    return { label, bucket, region, account: joined ? joined.account : null, encryptedByDefault: true, ...(joined ? { joined } : {}), inCluster: false };
  }
  const gs = /^gs:\/\/([^/]+)/.exec(url ?? "");
  if (gs) {
    const bucket = gs[1]!;
    const joined = buckets.find("gcs", bucket);
    return { label, bucket, region: joined?.region ?? unknownFact(`the location of bucket ${bucket} is not known: the bucket is not in the scan`, `scan the Terraform that defines bucket ${bucket}`), account: joined ? joined.account : null, encryptedByDefault: true, ...(joined ? { joined } : {}), inCluster: false };
  }
  const blob = /^https?:\/\/([a-z0-9]+)\.blob\.core\.windows\.net\//i.exec(url ?? "");
  if (blob) {
    const account = blob[1]!.toLowerCase();
    const joined = buckets.find("azure", account);
    return { label, bucket: account, region: joined?.region ?? unknownFact(`the location of storage account ${account} is not known: it is not in the scan`, `scan the Terraform that defines storage account ${account}`), account: joined ? joined.account : null, encryptedByDefault: true, ...(joined ? { joined } : {}), inCluster: false };
  }
  return { label, region: unknownFact(`the region of backup destination ${label} is not known`), account: null, encryptedByDefault: unknownFact(`the default encryption of ${label} is not known`), inCluster: false };
}

/** A vault node for a destination: its place, default key and the joined bucket's lock. */
export function destinationVault(owner: K8sObject, address: string, dest: Destination, location: Location, customerManagedKey: Fact<boolean> | undefined): BackupVault {
  const vault: BackupVault = {
    ...identityOf(owner, "backup-destination", address),
    location,
    node: "backup-vault",
    provider: "kubernetes",
    name: dest.bucket ?? dest.label,
    region: dest.region,
    account: dest.account,
    notifications: [],
    remedies: {
      lock: `enable S3 Object Lock in COMPLIANCE mode with a default retention on ${dest.bucket ? `bucket ${dest.bucket}` : dest.label} (object_lock_enabled and aws_s3_bucket_object_lock_configuration), or a locked retention policy on a Cloud Storage bucket`,
      governanceToCompliance: `set the default retention of ${dest.bucket ? `bucket ${dest.bucket}` : dest.label}'s Object Lock to COMPLIANCE mode`,
      longerLock: `raise the default retention of ${dest.bucket ? `bucket ${dest.bucket}` : dest.label}'s Object Lock`,
    },
  };
  const cmk = customerManagedKey ?? dest.joined?.encryption.customerManagedKey;
  if (cmk !== undefined) vault.customerManagedKey = cmk;
  const lock = lockOfBucket(dest.joined);
  if (lock) vault.lock = lock;
  return vault;
}
