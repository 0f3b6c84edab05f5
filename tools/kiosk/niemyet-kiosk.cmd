@echo off
rem Starts the waiting-room touch screen (public\kiosk\) full screen: docs\kiosk.md.
rem Put this file beside the built site's public folder and double-click it, or put it
rem (or a shortcut to it) in shell:startup to start at logon. Edge first, then Chrome.
rem --kiosk-printing: "In giay huong dan" prints to the default printer, no dialog.
setlocal
set "PUBLIC=%~dp0public"
if not "%~1"=="" set "PUBLIC=%~1"
set "PAGE=file:///%PUBLIC:\=/%/kiosk/index.html"
set "EDGE=%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe"
if not exist "%EDGE%" set "EDGE=%ProgramFiles%\Microsoft\Edge\Application\msedge.exe"
set "CHROME=%ProgramFiles%\Google\Chrome\Application\chrome.exe"
if exist "%EDGE%" (
  start "" "%EDGE%" --kiosk "%PAGE%" --edge-kiosk-type=fullscreen --kiosk-printing --no-first-run
) else if exist "%CHROME%" (
  start "" "%CHROME%" --kiosk --kiosk-printing --no-first-run --disable-pinch --overscroll-history-navigation=0 --app="%PAGE%"
) else (
  echo Khong tim thay Microsoft Edge hoac Google Chrome.
  pause
)
