DROP TRIGGER `import_batches_chart_days`;
--> statement-breakpoint
CREATE TRIGGER `import_batches_chart_days`
	AFTER UPDATE OF `first_date`, `last_date`, `status` ON `import_batches`
	WHEN NEW.`kind` = 'pos' AND NEW.`first_date` IS NOT NULL AND NEW.`last_date` IS NOT NULL BEGIN
	DELETE FROM `chart_day_groups` WHERE `txn_date` BETWEEN NEW.`first_date` AND NEW.`last_date`;
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
	FROM `pos_transactions` WHERE `txn_date` BETWEEN NEW.`first_date` AND NEW.`last_date`
	GROUP BY `txn_date`, `channel`, `card_kind`, `merchant_no`, `terminal_id`;
	DELETE FROM `chart_stale_days` WHERE `txn_date` BETWEEN NEW.`first_date` AND NEW.`last_date`;
END;
