"""村务监督委员会: eligibility, composition, 民主评议 and supervision casework (pure Python)."""
