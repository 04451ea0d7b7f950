"""SMB shares read directly (SMB 2/3 with smbprotocol), with the file-share crawler's rules."""
