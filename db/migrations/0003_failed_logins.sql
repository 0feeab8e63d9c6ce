CREATE TABLE `failed_logins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `failed_logins_account_at_idx` ON `failed_logins` (`account`,`at`);--> statement-breakpoint
CREATE INDEX `failed_logins_address_at_idx` ON `failed_logins` (`address`,`at`);--> statement-breakpoint
DROP TABLE `login_failures`;