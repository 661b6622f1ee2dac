CREATE TABLE `chart_day_groups` (
	`txn_date` text NOT NULL,
	`channel` text NOT NULL,
	`card_kind` text NOT NULL,
	`merchant_no` text,
	`terminal_id` text,
	`turnover_fen` integer NOT NULL,
	`fees_fen` integer NOT NULL,
	`txn_count` integer NOT NULL,
	`sales_fen` integer NOT NULL,
	`sales_count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `chart_day_groups_key_idx` ON `chart_day_groups` (`txn_date`,`channel`,`card_kind`,`merchant_no`,`terminal_id`);--> statement-breakpoint
CREATE TABLE `chart_stale_days` (
	`txn_date` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `import_batches_chart_days`
	AFTER UPDATE OF `first_date`, `last_date`, `status` ON `import_batches`
	WHEN NEW.`kind` = 'pos' AND NEW.`first_date` IS NOT NULL AND NEW.`last_date` IS NOT NULL BEGIN
	INSERT OR IGNORE INTO `chart_stale_days` (`txn_date`)
		SELECT `txn_date` FROM `pos_transactions` WHERE `txn_date` BETWEEN NEW.`first_date` AND NEW.`last_date`
		UNION SELECT `txn_date` FROM `chart_day_groups` WHERE `txn_date` BETWEEN NEW.`first_date` AND NEW.`last_date`;
END;
--> statement-breakpoint
CREATE TRIGGER `pos_transactions_chart_update`
	AFTER UPDATE OF `txn_date`, `channel`, `card_kind`, `merchant_no`, `terminal_id`, `status`, `txn_type`,
		`amount_fen`, `fee_fen`, `settle_fen` ON `pos_transactions` BEGIN
	INSERT OR IGNORE INTO `chart_stale_days` (`txn_date`) VALUES (OLD.`txn_date`);
	INSERT OR IGNORE INTO `chart_stale_days` (`txn_date`) VALUES (NEW.`txn_date`);
END;
--> statement-breakpoint
INSERT INTO `chart_day_groups` (`txn_date`, `channel`, `card_kind`, `merchant_no`, `terminal_id`, `turnover_fen`,
	`fees_fen`, `txn_count`, `sales_fen`, `sales_count`)
SELECT `txn_date`, `channel`, `card_kind`, `merchant_no`, `terminal_id`,
	coalesce(sum(CASE WHEN status = 'success' THEN CASE txn_type WHEN 'sale' THEN amount_fen
		WHEN 'void' THEN -amount_fen WHEN 'refund' THEN -amount_fen ELSE 0 END ELSE 0 END), 0),
	coalesce(sum(coalesce(fee_fen, CASE WHEN txn_type = 'sale' AND status = 'success' AND settle_fen IS NOT NULL
		THEN amount_fen - settle_fen END)), 0),
	count(*),
	coalesce(sum(CASE WHEN status = 'success' AND txn_type = 'sale' THEN amount_fen ELSE 0 END), 0),
	coalesce(sum(CASE WHEN status = 'success' AND txn_type = 'sale' THEN 1 ELSE 0 END), 0)
FROM `pos_transactions` GROUP BY `txn_date`, `channel`, `card_kind`, `merchant_no`, `terminal_id`;
