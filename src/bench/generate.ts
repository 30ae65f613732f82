/**
 * A deterministic, realistic Terraform monorepo for the benchmark (issue 7): N service modules,
 * each a root of about five files — providers with an aliased DR region, variables with
 * defaults and tfvars, locals, for_each tables and buckets, an RDS database, a backup plan
 * with a copy action and tag selections. Same N and seed, same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: small, fast and deterministic (the fuzz tests and the HCL corpus use it too). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"];
const DR: Record<string, string> = { "eu-west-1": "eu-central-1", "eu-central-1": "eu-west-1", "us-east-1": "us-west-2", "us-west-2": "us-east-1", "ap-southeast-2": "ap-northeast-1" };
const CLASSES = ["financial", "personal", "audit-log", "", ""];
const WORDS = ["orders", "billing", "ledger", "catalog", "search", "inventory", "payments", "profiles", "sessions", "reports", "events", "shipping"];

export interface GeneratedRepo {
  root: string;
  modules: number;
  files: number;
  bytes: number;
}

export function generateRepo(root: string, modules: number, seed = 42): GeneratedRepo {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let files = 0;
  let bytes = 0;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < modules; i++) {
    const name = `${pick(WORDS)}-${String(i).padStart(5, "0")}`;
    const dir = path.join(root, "services", name);
    const region = pick(REGIONS);
    const cls = pick(CLASSES);
    const tables = 1 + Math.floor(rand() * 4);
    const retention = pick([7, 14, 35, 90, 400, 2555]);
    const tag = pick(["daily", "daily", "hourly", "Daily"]);
    write(path.join(dir, "providers.tf"), providers(region));
    // An organisation of 40 accounts, each holding the services of one team.
    const account = String(100000000000 + (i % 40) * 7919);
    write(path.join(dir, "variables.tf"), variables(name, retention, tables, account));
    write(path.join(dir, "main.tf"), main(name, cls, tag, rand() < 0.5));
    write(path.join(dir, "backup.tf"), backup(name));
    write(path.join(dir, "terraform.tfvars"), tfvars(name, tag, rand() < 0.3 ? 1 : 7, region));
  }
  return { root, modules, files, bytes };
}

function providers(region: string): string {
  return `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "services/terraform.tfstate"
    region = "${region}"
  }
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.common_tags
  }
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}
`;
}

function variables(name: string, retention: number, tables: number, account: string): string {
  const keys = Array.from({ length: tables }, (_, k) => `    ${["events", "items", "index", "audit"][k]} = { hash_key = "id", pitr = ${k % 2 === 0} }`).join("\n");
  return `variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "dr_region" {
  type    = string
  default = "eu-central-1"
}

variable "account_id" {
  type    = string
  default = "${account}"
}

variable "service" {
  type    = string
  default = "${name}"
}

variable "retention_days" {
  type        = number
  default     = ${retention}
  description = "How long the daily recovery points are kept"
}

variable "tables" {
  type = map(object({
    hash_key = string
    pitr     = optional(bool, false)
  }))
  default = {
${keys}
  }
}

variable "backup_tag" {
  type    = string
  default = "daily"
}

variable "db_backup_days" {
  type    = number
  default = 7
}
`;
}

function main(name: string, cls: string, tag: string, withDb: boolean): string {
  const classTag = cls ? `    data-class = "${cls}"\n` : "";
  const db = withDb
    ? `
resource "aws_db_instance" "main" {
  identifier                  = "\${var.service}-db"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = var.db_backup_days
  skip_final_snapshot         = false
  final_snapshot_identifier   = "\${var.service}-final"
  deletion_protection         = true
  tags                        = merge(local.common_tags, { backup = var.backup_tag })
}
`
    : "";
  return `locals {
  common_tags = {
    service     = var.service
    team        = "platform"
${classTag}  }
  table_names = { for k, v in var.tables : k => "\${var.service}-\${k}" }
}

resource "aws_dynamodb_table" "this" {
  for_each     = var.tables
  name         = local.table_names[each.key]
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash_key

  attribute {
    name = each.value.hash_key
    type = "S"
  }

  point_in_time_recovery {
    enabled = each.value.pitr
  }

  tags = {
    backup = "${tag}"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "\${var.service}-assets"
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}
${db}
output "tables" {
  value = [for t in aws_dynamodb_table.this : t.arn]
}
`;
}

function backup(name: string): string {
  return `resource "aws_kms_key" "backup" {
  description             = "backup vault key for ${name}"
  deletion_window_in_days = 30
}

resource "aws_backup_vault" "main" {
  name        = "\${var.service}-main"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "\${var.service}-dr"
}

resource "aws_backup_plan" "daily" {
  name = "\${var.service}-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"

    lifecycle {
      delete_after = var.retention_days
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
      lifecycle {
        delete_after = var.retention_days
      }
    }
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "\${var.service}-tagged"
  iam_role_arn = "arn:aws:iam::\${var.account_id}:role/backup"
  plan_id      = aws_backup_plan.daily.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = var.backup_tag
  }

  condition {
    string_equals {
      key   = "aws:ResourceTag/service"
      value = var.service
    }
  }
}
`;
}

function tfvars(name: string, tag: string, dbDays: number, region: string): string {
  return `region         = "${region}"
dr_region      = "${DR[region]}"
service        = "${name}"
backup_tag     = "${tag === "Daily" ? "daily" : tag}"
db_backup_days = ${dbDays}
`;
}
