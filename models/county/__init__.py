"""County mode (县级): what the townships' 县级汇总包 brought, and the rules for reading them."""
