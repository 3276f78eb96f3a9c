"""村务监督: the committee's members, matters, voucher reviews, 民主评议 and work ledger."""
