; Inno Setup recipe for the Windows installer of MLP Studio.
; packaging/build.py --installer calls:
;   iscc /DAppVersion=<version> /DSourceDir=<dist\MLPStudio> /O<dist> packaging\windows\mlpstudio.iss
; It installs the PyInstaller folder per user (no administrator rights needed in labs),
; with a Start-menu entry, an optional desktop icon, and .mlpx files opening in the app.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\MLPStudio"
#endif

[Setup]
AppId={{6C1B2E7A-3F4D-4C2B-9A63-7E2C5D1F0B9A}
AppName=MLP Studio
AppVersion={#AppVersion}
AppPublisher=MLP Studio
DefaultDirName={autopf}\MLP Studio
DefaultGroupName=MLP Studio
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=MLPStudio-{#AppVersion}-setup
SetupIconFile=..\..\build\packaging\mlpstudio.ico
UninstallDisplayIcon={app}\MLPStudio.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MLP Studio"; Filename: "{app}\MLPStudio.exe"
Name: "{group}\{cm:UninstallProgram,MLP Studio}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\MLP Studio"; Filename: "{app}\MLPStudio.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.mlpx"; ValueType: string; ValueName: ""; ValueData: "MLPStudio.Experiment"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\MLPStudio.Experiment"; ValueType: string; ValueName: ""; ValueData: "MLP Studio experiment"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MLPStudio.Experiment\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MLPStudio.exe,0"
Root: HKA; Subkey: "Software\Classes\MLPStudio.Experiment\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MLPStudio.exe"" ""%1"""

[Run]
Filename: "{app}\MLPStudio.exe"; Description: "{cm:LaunchProgram,MLP Studio}"; Flags: nowait postinstall skipifsilent
