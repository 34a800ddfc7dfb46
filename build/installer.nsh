; TallyConnect's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Uninstalling keeps the data folder (%APPDATA%\TallyConnect: the local copy of the companies, the .env
; settings, logs) unless the user answers Yes to "Also delete my data?" — No is the default, and the
; answer when the uninstaller runs silently (/S). Updates and reinstalls run the old uninstaller with
; --updated: it never asks then and never deletes. IT staff can still pass --delete-app-data.
; A folder chosen with TALLYCONNECT_DATA_DIR is never removed.

!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "Also delete my TallyConnect data?$\r$\n$\r$\nThis removes the local copy of your companies, your settings and the logs in $APPDATA\${APP_FILENAME}. Your books in Tally are not touched.$\r$\n$\r$\nChoose No to keep them (recommended if you will install TallyConnect again)." \
      /SD IDNO IDNO tallyConnectKeepData
    SetShellVarContext current
    RMDir /r "$APPDATA\${APP_FILENAME}"
    tallyConnectKeepData:
  ${endIf}
!macroend
