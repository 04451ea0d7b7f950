"""Reports from the inventory: the 個人情報管理台帳 (xlsx), HTML, CSV and JSON."""
