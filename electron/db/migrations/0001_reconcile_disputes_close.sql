CREATE TABLE `deduction_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispute_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dispute_id` integer NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`channel` text,
	`ticket_no` text,
	`person` text,
	`from_status` text,
	`to_status` text,
	`note` text,
	`document_name` text,
	`document_sha256` text,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dispute_events_dispute_idx` ON `dispute_events` (`dispute_id`,`at`);--> statement-breakpoint
CREATE TABLE `dispute_findings` (
	`dispute_id` integer NOT NULL,
	`finding_id` integer NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_findings_uq` ON `dispute_findings` (`dispute_id`,`finding_id`);--> statement-breakpoint
CREATE INDEX `dispute_findings_finding_idx` ON `dispute_findings` (`finding_id`);--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_no` text NOT NULL,
	`title` text NOT NULL,
	`acquirer` text NOT NULL,
	`merchant_name` text,
	`merchant_no` text,
	`terminals_json` text DEFAULT '[]' NOT NULL,
	`period_from` text,
	`period_to` text,
	`claimed_fen` integer NOT NULL,
	`claimed_reason` text,
	`remedy` text,
	`deadline` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`recovered_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disputes_case_no_uq` ON `disputes` (`case_no`);--> statement-breakpoint
CREATE INDEX `disputes_status_idx` ON `disputes` (`status`);--> statement-breakpoint
CREATE TABLE `finding_bank_lines` (
	`finding_id` integer NOT NULL,
	`bank_line_id` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bank_line_id`) REFERENCES `bank_lines`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `finding_bank_lines_uq` ON `finding_bank_lines` (`finding_id`,`bank_line_id`);--> statement-breakpoint
CREATE INDEX `finding_bank_lines_line_idx` ON `finding_bank_lines` (`bank_line_id`);--> statement-breakpoint
CREATE TABLE `finding_txns` (
	`finding_id` integer NOT NULL,
	`txn_id` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`txn_id`) REFERENCES `pos_transactions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `finding_txns_uq` ON `finding_txns` (`finding_id`,`txn_id`);--> statement-breakpoint
CREATE INDEX `finding_txns_txn_idx` ON `finding_txns` (`txn_id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer,
	`fingerprint` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`date` text NOT NULL,
	`channel` text,
	`terminal_id` text,
	`merchant_no` text,
	`expected_fen` integer,
	`actual_fen` integer,
	`delta_fen` integer NOT NULL,
	`ref_nos_json` text DEFAULT '[]' NOT NULL,
	`message_zh` text NOT NULL,
	`message_en` text NOT NULL,
	`details_json` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`triage_reason` text,
	`triaged_at` text,
	`recovered_fen` integer DEFAULT 0 NOT NULL,
	`current` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `reconcile_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_fingerprint_uq` ON `findings` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `findings_date_idx` ON `findings` (`date`);--> statement-breakpoint
CREATE INDEX `findings_kind_date_idx` ON `findings` (`kind`,`date`);--> statement-breakpoint
CREATE INDEX `findings_state_idx` ON `findings` (`state`);--> statement-breakpoint
CREATE TABLE `periods` (
	`month` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`no_trade_days_json` text DEFAULT '[]' NOT NULL,
	`closed_at` text,
	`reopened_at` text,
	`reopen_reason` text
);
--> statement-breakpoint
CREATE TABLE `rate_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`card_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reconcile_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`ran_at` text NOT NULL,
	`last_batch_id` integer,
	`summary_json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reconcile_runs_period_idx` ON `reconcile_runs` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text NOT NULL
);
