; cunwu Windows installer (NSIS 3, compiled natively on Linux by installer/build_windows.py).
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=X.Y.Z -DOUTFILE=... -DGEN=<file lists>
;            -DROOT=<repo> -DINSTALL_SIZE_KB=N installer/cunwu.nsi
;
; Per-machine install to Program Files (64-bit), Start-menu and desktop
; shortcuts, the .cwpkg file type, an Add/Remove Programs entry. It refuses to
; run while cunwu is running, upgrades in place (the previous version's own
; uninstaller removes exactly the files that version installed), and never
; touches the data, which lives in the user data folder (%LOCALAPPDATA%\cunwu),
; never here. The uninstaller deletes only the files listed at build time and
; removes a folder only when it is empty: nothing it did not install goes.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 64
ManifestDPIAware true
RequestExecutionLevel admin

!ifndef VERSION | OUTFILE | GEN | ROOT | INSTALL_SIZE_KB
  !error "VERSION, OUTFILE, GEN, ROOT and INSTALL_SIZE_KB are set by installer/build_windows.py"
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh

!define APPNAME "村民自治台账"
!define PUBLISHER "cunwu"
!define EXE "cunwu.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cunwu"
!define PROGID "cunwu.package"
!define EXT ".cwpkg"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\cunwu"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ROOT}/resources/cunwu.ico"
!define MUI_UNICON "${ROOT}/resources/cunwu.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; NSIS picks the one matching Windows' UI.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString MsgRunning ${LANG_SIMPCHINESE} "${APPNAME}正在运行。请先关闭它(包括所有窗口),再点“重试”。"
LangString MsgRunning ${LANG_ENGLISH} "${APPNAME} (cunwu) is running. Close it, then click Retry."
LangString Msg64 ${LANG_SIMPCHINESE} "${APPNAME}需要 64 位的 Windows 10 或 11。"
LangString Msg64 ${LANG_ENGLISH} "${APPNAME} needs 64-bit Windows 10 or 11."
LangString FileTypeName ${LANG_SIMPCHINESE} "村务数据包"
LangString FileTypeName ${LANG_ENGLISH} "cunwu data package"

; ---------------------------------------------------------------------------
; Is cunwu.exe or cunwu-debug.exe running (any folder)? Walks the process list
; with CreateToolhelp32Snapshot (works on Windows and under wine, needs no
; plugin). PROCESSENTRY32W: szExeFile is at offset 44, the size is 568.
!macro IS_RUNNING_FUNC prefix
Function ${prefix}IsRunning  ; -> $R0 = 1 when running, else 0
  Push $1
  Push $2
  Push $3
  Push $4
  StrCpy $R0 0
  System::Call 'kernel32::CreateToolhelp32Snapshot(i 2, i 0) p .r1'
  ${If} $1 P<> -1
    System::Alloc 568
    Pop $2
    System::Call '*$2(i 568)'
    System::Call 'kernel32::Process32FirstW(p r1, p r2) i .r3'
    ${DoWhile} $3 <> 0
      System::Call '*$2(i, i, i, i, l, i, i, i, i, i, &w260 .r4)'
      ${If} $4 == "${EXE}"
      ${OrIf} $4 == "cunwu-debug.exe"
        StrCpy $R0 1
        ${Break}
      ${EndIf}
      System::Call 'kernel32::Process32NextW(p r1, p r2) i .r3'
    ${Loop}
    System::Free $2
    System::Call 'kernel32::CloseHandle(p r1)'
  ${EndIf}
  Pop $4
  Pop $3
  Pop $2
  Pop $1
FunctionEnd

Function ${prefix}RefuseWhileRunning
  ${Do}
    Call ${prefix}IsRunning
    ${If} $R0 == 0
      Return
    ${EndIf}
    ${If} ${Silent}
      SetErrorLevel 3
      Quit
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY +2
    Quit
  ${Loop}
FunctionEnd
!macroend
!insertmacro IS_RUNNING_FUNC ""
!insertmacro IS_RUNNING_FUNC "un."

Function .onInit
  SetShellVarContext all
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Msg64)" /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
  SetRegView 64
  ; Upgrade in place: an earlier install's folder wins over the default.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\${EXE}"
    StrCpy $INSTDIR $0
  ${EndIf}
  Call RefuseWhileRunning
FunctionEnd

Section "cunwu" SecMain
  SectionIn RO
  SetShellVarContext all
  SetRegView 64
  ; Upgrade: let the installed version's uninstaller remove exactly its own
  ; files (synchronously, from its place: _?=), then lay down the new ones.
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"
    ExecWait '"$INSTDIR\uninstall.exe" /S _?=$INSTDIR' $0
  ${EndIf}

  SetOverwrite on
  !include "${GEN}/install_files.nsh"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; .cwpkg: double-click opens cunwu with the package path (import preview).
  WriteRegStr HKLM "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\${EXT}" "Content Type" "application/x-cunwu-package"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "$(FileTypeName)"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" ${INSTALL_SIZE_KB}
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  Call un.RefuseWhileRunning
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  ; Only the files this version installed, then folders that are left empty.
  !include "${GEN}/uninstall_files.nsh"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ReadRegStr $0 HKLM "Software\Classes\${EXT}" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKLM "Software\Classes\${EXT}"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd
