import LiftbackCLI

await LiftbackCommand.runFromCommandLine()
