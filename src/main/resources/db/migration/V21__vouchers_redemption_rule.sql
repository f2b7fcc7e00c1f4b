-- Who requests the redemption (兑付) of a batch's vouchers: the service provider (the default) or the enterprise.
alter table voucher_batch add column redemption_by varchar(20) not null default 'PROVIDER'
    check (redemption_by in ('PROVIDER', 'ENTERPRISE'));
