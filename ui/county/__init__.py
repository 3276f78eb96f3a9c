"""County (县级) mode: its townships, the board across them, the 备案 register and its report."""
