import LiftbackCLI

LiftbackCommand.main()
