"""民主选举: the 村委会 election as a procedure with its law (issue 18)."""
