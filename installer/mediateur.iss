; Inno Setup script of the Windows installer of mediateur. Needs Inno Setup 6.3 or later
; (x64compatible). Saved as UTF-8 with a BOM so that the accents are read as such.
;
; Compiled by `python installer\build.py --installer`, which builds the PyInstaller bundle first and
; passes what changes between builds:
;   /DAppVersion=<mediateur.__version__>  /DAppNumericVersion=<the same as four numbers>
;   /DSourceDir=<installer\dist\mediateur>
;   /DIconFile=<installer\build\mediateur.ico>  /DOutputDir=<installer\dist>
;
; Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\mediateur. The profiles (the
; encrypted vaults) are not there but in %LOCALAPPDATA%\CiteEmploiRiveDroite\mediateur\profiles,
; written by the app, never by this installer: an upgrade replaces the program and leaves them
; alone, and the uninstaller removes only what it installed, so the vaults stay.

#ifndef AppVersion
  #error AppVersion is not defined: build with installer\build.py --installer
#endif
#ifndef AppNumericVersion
  #error AppNumericVersion is not defined: build with installer\build.py --installer
#endif
#ifndef SourceDir
  #error SourceDir is not defined: build with installer\build.py --installer
#endif
#ifndef IconFile
  #error IconFile is not defined: build with installer\build.py --installer
#endif
#ifndef OutputDir
  #define OutputDir "dist"
#endif

#define AppName "mediateur"
#define AppPublisher "Cité de l'emploi — Bordeaux Métropole Rive Droite"
#define AppExe "mediateur.exe"
#define DataDir "{localappdata}\CiteEmploiRiveDroite\mediateur"

[Setup]
; Never change the AppId: Windows recognises an upgrade of an installed mediateur by it.
AppId={{6B8F59F8-2F63-48C3-B2EE-25F38E62884A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Windows file versions are four numbers; the text versions may say "rc1".
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription=Installation de {#AppName}
; Per user: {autopf} is then %LOCALAPPDATA%\Programs, and no elevation is asked for.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
UsePreviousAppDir=yes
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running mediateur is closed before its files are replaced (Restart Manager).
CloseApplications=force
RestartApplications=no
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-installation
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files go first: a library or Qt plugin it had and this one has
; not must not be loaded by the new version. Only the program folder: the profiles are elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Contacts, cohorte et fiches de liaison"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('mediateur est désinstallé. Les profils chiffrés (les coffres des médiatrices) sont '
      + 'conservés dans ' + ExpandConstant('{#DataDir}') + '. Pour les effacer définitivement, '
      + 'supprimez ce dossier après avoir vérifié qu''aucune donnée n''attend d''être '
      + 'synchronisée.', mbInformation, MB_OK);
end;
