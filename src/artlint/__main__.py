from artlint.cli import main

main()
