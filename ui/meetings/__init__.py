"""会议与表决: meeting list, meeting editor, 四议两公开 registers."""
