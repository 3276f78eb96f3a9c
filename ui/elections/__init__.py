"""民主选举: the village page of elections and its tabs (issue 18)."""
