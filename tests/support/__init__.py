"""What the tests share: clocks, apps on fixed logs, terminals, helpers."""
