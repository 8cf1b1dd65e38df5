@echo off
rem Double-click to start Arena from this folder: the day's data stays in .\data, tablets on the venue
rem network reach this laptop on port 5080, and the admin page opens in the browser. Close this window
rem (or press Ctrl+C) to stop; everything acknowledged is already on disk.
cd /d "%~dp0"
chcp 65001 >nul
"%~dp0Arena.Silo.exe" --urls http://0.0.0.0:5080 --Arena:DataDir "%~dp0data" --Arena:OpenBrowser true %*
pause
