CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`details_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `bank_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`txn_time` text NOT NULL,
	`txn_date` text NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`balance_fen` integer,
	`counterparty` text,
	`counterparty_account` text,
	`summary` text,
	`currency` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_row_id`) REFERENCES `source_rows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_lines_fingerprint_uq` ON `bank_lines` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `bank_lines_date_idx` ON `bank_lines` (`txn_date`);--> statement-breakpoint
CREATE INDEX `bank_lines_batch_idx` ON `bank_lines` (`batch_id`);--> statement-breakpoint
CREATE TABLE `book_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text,
	`sheet` text,
	`header_row` integer,
	`mapping_json` text NOT NULL,
	`template_id` integer,
	`imported_at` text NOT NULL,
	`rows_total` integer DEFAULT 0 NOT NULL,
	`rows_added` integer DEFAULT 0 NOT NULL,
	`rows_duplicate` integer DEFAULT 0 NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`first_date` text,
	`last_date` text,
	`status` text DEFAULT 'committed' NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE INDEX `import_batches_sha_idx` ON `import_batches` (`sha256`);--> statement-breakpoint
CREATE TABLE `mapping_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mapping_templates_name_uq` ON `mapping_templates` (`name`);--> statement-breakpoint
CREATE INDEX `mapping_templates_sig_idx` ON `mapping_templates` (`header_signature`);--> statement-breakpoint
CREATE TABLE `pos_transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`source_row_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`merchant_no` text,
	`terminal_id` text,
	`txn_time` text NOT NULL,
	`txn_date` text NOT NULL,
	`card_no` text,
	`card_kind` text NOT NULL,
	`channel` text NOT NULL,
	`txn_type` text NOT NULL,
	`status` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`fee_fen` integer,
	`settle_fen` integer,
	`settle_date` text,
	`ref_no` text,
	`orig_ref_no` text,
	`trace_no` text,
	`batch_no` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_row_id`) REFERENCES `source_rows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pos_transactions_fingerprint_uq` ON `pos_transactions` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `pos_transactions_date_idx` ON `pos_transactions` (`txn_date`);--> statement-breakpoint
CREATE INDEX `pos_transactions_channel_date_idx` ON `pos_transactions` (`channel`,`txn_date`);--> statement-breakpoint
CREATE INDEX `pos_transactions_terminal_date_idx` ON `pos_transactions` (`terminal_id`,`txn_date`);--> statement-breakpoint
CREATE INDEX `pos_transactions_ref_idx` ON `pos_transactions` (`ref_no`);--> statement-breakpoint
CREATE INDEX `pos_transactions_batch_idx` ON `pos_transactions` (`batch_id`);--> statement-breakpoint
CREATE TABLE `source_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`sheet` text NOT NULL,
	`row_number` integer NOT NULL,
	`cells_json` text NOT NULL,
	`outcome` text NOT NULL,
	`fingerprint` text,
	`reason` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `source_rows_batch_idx` ON `source_rows` (`batch_id`);--> statement-breakpoint
CREATE INDEX `source_rows_fingerprint_idx` ON `source_rows` (`fingerprint`);