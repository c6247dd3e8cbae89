<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Activations</name>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="128"/>
        <source>Identity</source>
        <extracomment>a unit is saturated when its output lies outside (low, high) (None: never)</extracomment>
        <translation>Identidad</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="136"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="146"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="156"/>
        <source>Sigmoid</source>
        <translation>Sigmoide</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="165"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="174"/>
        <source>GELU (tanh approximation)</source>
        <translation>GELU (aproximación con tanh)</translation>
    </message>
</context>
<context>
    <name>ArchitecturePanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="36"/>
        <source>The activation S(z) applied to every unit of the layer: a = S(z), z = W a + b. Without a non-linear activation, stacked layers collapse into one linear map.</source>
        <translation>La activación S(z) que se aplica a cada neurona de la capa: a = S(z), z = W a + b. Sin una activación no lineal, las capas apiladas se reducen a una única aplicación lineal.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="53"/>
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Capas ocultas&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="55"/>
        <source>Units N_l</source>
        <translation>Neuronas N_l</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="55"/>
        <source>Activation S</source>
        <translation>Activación S</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="60"/>
        <source>Each row is a hidden layer l with N_l units (neurons) and an activation.</source>
        <translation>Cada fila es una capa oculta l con N_l neuronas y una función de activación.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="66"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="67"/>
        <source>Add a hidden layer after the selected one.</source>
        <translation>Añade una capa oculta después de la seleccionada.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="68"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="70"/>
        <source>Remove the selected hidden layer (no hidden layer: a linear model).</source>
        <translation>Quita la capa oculta seleccionada (sin capas ocultas: un modelo lineal).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="72"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="73"/>
        <source>Move the selected layer towards the input.</source>
        <translation>Mueve la capa seleccionada hacia la entrada.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="74"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="75"/>
        <source>Move the selected layer towards the output.</source>
        <translation>Mueve la capa seleccionada hacia la salida.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="87"/>
        <source>Automatic (from the task)</source>
        <translation>Automática (según la tarea)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="93"/>
        <source>The output layer and the loss it is trained with: linear + mean squared error for regression, sigmoid or softmax + cross-entropy for classes.</source>
        <translation>La capa de salida y la pérdida con la que se entrena: lineal + error cuadrático medio para regresión; sigmoide o softmax + entropía cruzada para clasificación.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="97"/>
        <source>Output and loss</source>
        <translation>Salida y pérdida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="105"/>
        <source>How the initial weights are drawn. Scaling them by the layer&apos;s size keeps the signal from vanishing or exploding through the layers.</source>
        <translation>Cómo se sortean los pesos iniciales. Escalarlos según el tamaño de la capa evita que la señal se desvanezca o explote al atravesar las capas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="109"/>
        <source>Initialisation</source>
        <translation>Inicialización</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="118"/>
        <source>Each layer has N_l x N_(l-1) weights and N_l biases: N_l (N_(l-1) + 1).</source>
        <translation>Cada capa tiene N_l x N_(l-1) pesos y N_l sesgos: N_l (N_(l-1) + 1).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="125"/>
        <source>The model written as in the course.</source>
        <translation>El modelo escrito como en el curso.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="136"/>
        <source>N_l: the number of units in this layer.</source>
        <translation>N_l: el número de neuronas de esta capa.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="164"/>
        <source>Layer {l}</source>
        <translation>Capa {l}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="259"/>
        <source>&lt;i&gt;Fix the data to see the parameter count.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Corrige los datos para ver el número de parámetros.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="271"/>
        <source>&lt;b&gt;Parameters: {total}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Parámetros: {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="290"/>
        <source>f&lt;sup&gt;[l]&lt;/sup&gt;: a&lt;sup&gt;[l]&lt;/sup&gt; = S&lt;sup&gt;[l]&lt;/sup&gt;(z&lt;sup&gt;[l]&lt;/sup&gt;), z&lt;sup&gt;[l]&lt;/sup&gt; = W&lt;sup&gt;[l]&lt;/sup&gt; a&lt;sup&gt;[l-1]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;, a&lt;sup&gt;[0]&lt;/sup&gt; = x</source>
        <translation>f&lt;sup&gt;[l]&lt;/sup&gt;: a&lt;sup&gt;[l]&lt;/sup&gt; = S&lt;sup&gt;[l]&lt;/sup&gt;(z&lt;sup&gt;[l]&lt;/sup&gt;), z&lt;sup&gt;[l]&lt;/sup&gt; = W&lt;sup&gt;[l]&lt;/sup&gt; a&lt;sup&gt;[l-1]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;, a&lt;sup&gt;[0]&lt;/sup&gt; = x</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../../mlpstudio/experiment/archive.py" line="580"/>
        <source>{old} is not a regular file (a device, folder or pipe); the copy stored in the experiment is used ({new}).</source>
        <extracomment>data.kind = csv: the file is stored in the experiment up to this size (bytes), so that it reopens on a machine without the original; a larger file is referenced by path only.</extracomment>
        <translation>{old} no es un archivo normal (es un dispositivo, una carpeta o una tubería); se usa la copia guardada en el experimento ({new}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/archive.py" line="585"/>
        <source>{old} was not found; the copy stored in the experiment is used ({new}).</source>
        <translation>{old} no se encontró; se usa la copia guardada en el experimento ({new}).</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="56"/>
        <source>CuPy is not installed or failed to import ({detail}).</source>
        <translation>CuPy no está instalado o no se pudo importar ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="59"/>
        <source>CuPy found no usable NVIDIA GPU ({detail}).</source>
        <translation>CuPy no encontró ninguna GPU NVIDIA utilizable ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="60"/>
        <source>CuPy found no NVIDIA GPU.</source>
        <translation>CuPy no encontró ninguna GPU NVIDIA.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="61"/>
        <source>The GPU returned a wrong result in a self-test.</source>
        <translation>La GPU dio un resultado erróneo en una autoprueba.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="62"/>
        <source>The GPU failed a self-test ({detail}).</source>
        <translation>La GPU falló una autoprueba ({detail}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/backend.py" line="63"/>
        <source>NVIDIA GPU: {detail}</source>
        <translation>GPU NVIDIA: {detail}</translation>
    </message>
</context>
<context>
    <name>Backprop</name>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="75"/>
        <source>--sample: choose a training sample from 0 to {last}</source>
        <translation>--sample: elige una muestra de entrenamiento de 0 a {last}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="93"/>
        <source>--epochs {epochs}: the loss became NaN or infinite during training (the learning rate {lr} is probably too high), so there are no trained weights to work through; lower training.learning_rate or train fewer epochs.</source>
        <translation>--epochs {epochs}: la pérdida se volvió NaN o infinita durante el entrenamiento (la tasa de aprendizaje {lr} probablemente es demasiado alta), así que no hay pesos entrenados con los que trabajar; baja training.learning_rate o entrena menos épocas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="125"/>
        <source>The worked example of the network {sizes} as JSON</source>
        <extracomment>Bytes per number of a worked example: as float64 arrays (the trace, the update and the optimiser&apos;s buffers, with numpy&apos;s temporaries: 23 measured on 1-2048-2048-1) and written out as JSON (a Python float and its list slot, ~24 characters of text, and json.dumps&apos;s pieces before they are joined).</extracomment>
        <translation>El ejemplo desarrollado de la red {sizes} en JSON</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="127"/>
        <source>The worked example of the network {sizes}</source>
        <translation>El ejemplo desarrollado de la red {sizes}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="132"/>
        <source>Work through a smaller network (fewer or narrower hidden layers).</source>
        <translation>Usa una red más pequeña (menos capas ocultas o más estrechas).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="268"/>
        <source>Forward pass, layer {l}</source>
        <extracomment>forward, loss, output, backward, gradients or update (what a drawing highlights)</extracomment>
        <translation>Propagación hacia delante, capa {l}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="290"/>
        <source>The loss</source>
        <translation>La pérdida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="309"/>
        <source>Error at the output</source>
        <translation>Error en la salida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="320"/>
        <source>Error of layer {l}, propagated back</source>
        <translation>Error de la capa {l}, propagado hacia atrás</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="338"/>
        <source>Gradients of layer {l}</source>
        <translation>Gradientes de la capa {l}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/explain.py" line="367"/>
        <source>The update ({name})</source>
        <translation>La actualización ({name})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/cli/explain.py" line="55"/>
        <source>--epochs: {name} is worked through with its saved weights (after {done} epochs), so --epochs does not apply; train it further first (mlpstudio train {name} --epochs N --save FILE), or leave --epochs out.</source>
        <translation>--epochs: {name} se desarrolla con sus pesos guardados (tras {done} épocas), así que --epochs no se aplica; entrénalo más primero (mlpstudio train {name} --epochs N --save FICHERO) o quita --epochs.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/cli/explain.py" line="66"/>
        <source>{name} is worked through with its saved weights, so {keys} cannot change: the weights, optimiser state and data split belong to them. Leave them out of --set.</source>
        <translation>{name} se desarrolla con sus pesos guardados, así que {keys} no puede cambiar: los pesos, el estado del optimizador y la división de los datos les pertenecen. Quítalos de --set.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/cli/explain.py" line="91"/>
        <source>note: {count} values of the example are not finite numbers (NaN or infinite); the JSON line writes them as null.</source>
        <translation>nota: {count} valores del ejemplo no son números finitos (NaN o infinito); la línea JSON los escribe como null.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/cli/explain.py" line="97"/>
        <source>note: {count} values of the example are not finite numbers; they are shown as nan or inf.</source>
        <translation>nota: {count} valores del ejemplo no son números finitos; se muestran como nan o inf.</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="219"/>
        <source>&lt;b&gt;Backpropagation&lt;/b&gt;</source>
        <extracomment>a network up to this many parameters is worked out at once on the GUI thread; a larger one in a worker thread. The example&apos;s time on 2 shared cores: 784-128-10 (101,770 parameters) 3.5 ms, 784-256-10 (203,530) 8-17 ms, 3072-1024-1024-100 (4.3 M) 0.8-1.2 s on the GUI thread (benchmarks/backprop_stall.py; the worker leaves the window stalls of 18-33 ms) a fresh example is on screen (emitted on the GUI thread, after it is shown)</extracomment>
        <translation>&lt;b&gt;Retropropagación&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="220"/>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="225"/>
        <source>The row of the training data to follow (numbered from 1). With early stopping, some rows are held out for validation and never trained on.</source>
        <translation>La fila de los datos de entrenamiento que se sigue (numeradas desde 1). Con parada temprana, algunas filas se reservan para la validación y nunca se entrena con ellas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="235"/>
        <source>Prev</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="236"/>
        <source>The previous step.</source>
        <translation>El paso anterior.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="239"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="240"/>
        <source>The next step.</source>
        <translation>El paso siguiente.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="345"/>
        <source>Training: the example follows when training pauses.</source>
        <extracomment>the step&apos;s formula, a blank line, then the formula with the numbers: read-only, it scrolls down (never sideways: rows wrap), and a low dock keeps its room for them () -&gt; (config, optimizer_state or None, whether that state is the run&apos;s own now); set by the window (the controller&apos;s configuration and optimiser state) the test image a click in the gallery chose (None: the spin box&apos;s training sample) where the sample came from, shown beside the step&apos;s title (&quot;&quot; for the spin box) the newest epoch a snapshot of this experiment brought: an older one is the timeline&apos;s replay, whose weights are that epoch&apos;s but whose optimiser buffers are not the sample is a training-data row that the run holds out for validation the number of the latest request: a result of an older one is dropped larger networks are computed off the GUI thread (tests set 0 to force it)</extracomment>
        <translation>Entrenando: el ejemplo se actualiza cuando el entrenamiento se pausa.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="375"/>
        <source>the training sample nearest to {point}</source>
        <translation>la muestra de entrenamiento más cercana a {point}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="491"/>
        <source>Computing the example for this sample...</source>
        <translation>Calculando el ejemplo para esta muestra...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="493"/>
        <source>Train or step once to follow a sample through.</source>
        <translation>Entrena o da un paso para seguir una muestra por la red.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="503"/>
        <source>step {i} of {n}</source>
        <translation>paso {i} de {n}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="506"/>
        <source>a validation row</source>
        <translation>una fila de validación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="509"/>
        <source>epoch {epoch} of the timeline</source>
        <translation>época {epoch} de la línea de tiempo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="524"/>
        <source>The timeline keeps each epoch&apos;s weights, not the optimiser&apos;s buffers: press Live to see this update with their numbers.</source>
        <translation>La línea de tiempo guarda los pesos de cada época, no los búferes del optimizador: pulsa En directo para ver esta actualización con sus números.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="529"/>
        <source>The optimiser&apos;s buffers are in the training process while a run is alive: stop training to see this update with their numbers.</source>
        <translation>Los búferes del optimizador están en el proceso de entrenamiento mientras dura una ejecución: detén el entrenamiento para ver esta actualización con sus números.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="536"/>
        <source>A test image: training never steps on it; these are the weights a step on it would give.</source>
        <translation>Una imagen de test: el entrenamiento nunca da un Paso con ella; estos son los pesos que daría un Paso con ella.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="541"/>
        <source>A validation row: early stopping holds it out, so training never steps on it; these are the weights one step on this sample would give, but Step trains only on training rows.</source>
        <translation>Una fila de validación: la parada temprana la reserva, así que el entrenamiento nunca da un Paso con ella; estos son los pesos que daría un paso con esta muestra, pero Paso solo entrena con filas de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="547"/>
        <source>Epoch {epoch} of the timeline: a step on this sample would have given these weights then; Step continues from the latest epoch.</source>
        <translation>Época {epoch} de la línea de tiempo: un paso con esta muestra habría dado entonces estos pesos; Paso continúa desde la última época.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/backprop_view.py" line="551"/>
        <source>Step with batch size 1 on this sample gives exactly these weights.</source>
        <translation>Un Paso con tamaño de lote 1 sobre esta muestra da exactamente estos pesos.</translation>
    </message>
</context>
<context>
    <name>BasisView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="36"/>
        <source>&lt;b&gt;Hidden units&lt;/b&gt;: a&lt;sub&gt;j&lt;/sub&gt;(x)·W&lt;sub&gt;j&lt;/sub&gt; + bias = network</source>
        <extracomment>a last-hidden unit was clicked here (its index), or -1 for none</extracomment>
        <translation>&lt;b&gt;Unidades ocultas&lt;/b&gt;: a&lt;sub&gt;j&lt;/sub&gt;(x)·W&lt;sub&gt;j&lt;/sub&gt; + sesgo = red</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="40"/>
        <source>Each thin curve is one last-hidden unit&apos;s contribution a_j(x)·W_j to the output; with the output bias (dashed) they add up to the network&apos;s curve (red). Click a curve, or a unit in the Network view, to highlight it in both.</source>
        <translation>Cada curva fina es la contribución a_j(x)·W_j de una unidad de la última capa oculta a la salida; con el sesgo de salida (discontinuo) suman la curva de la red (roja). Haz clic en una curva, o en una unidad de la vista Red, para resaltarla en ambas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="48"/>
        <source>contribution</source>
        <translation>contribución</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="91"/>
        <source>Only for functions of one input with one output.</source>
        <extracomment>why nothing is drawn (2-D tasks, images, tables): a wrapped line in the interface&apos;s size instead of the plot, whose axes would frame an empty square</extracomment>
        <translation>Solo para funciones de una entrada y una salida.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="133"/>
        <source>units ({n})</source>
        <translation>unidades ({n})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="136"/>
        <source>output bias</source>
        <translation>sesgo de salida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/basis_view.py" line="137"/>
        <source>network</source>
        <translation>red</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="113"/>
        <source>Write your name before submitting.</source>
        <extracomment>The most history points kept in a submitted result. The most entries of a results folder looked at (a folder of a whole school is ~1,000). The largest count (parameters, epochs) a result may state: the largest integer a float holds exactly, beyond which the plot and the table could not show it.</extracomment>
        <translation>Escribe tu nombre antes de enviar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="116"/>
        <source>A name of at most {n} characters on one line, please.</source>
        <translation>Un nombre de como mucho {n} caracteres en una línea, por favor.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="122"/>
        <source>The name holds characters that cannot be shown as typed (control or text-direction characters, or bytes that are not UTF-8); type it with letters, digits and punctuation only.</source>
        <translation>El nombre contiene caracteres que no se pueden mostrar tal como se escribieron (caracteres de control o de dirección del texto, o bytes que no son UTF-8); escríbelo solo con letras, cifras y signos de puntuación.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="132"/>
        <source>There is no result to submit yet: train the network first.</source>
        <translation>Aún no hay resultado que enviar: entrena antes la red.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="176"/>
        <source>There is no network to submit yet.</source>
        <translation>Aún no hay red que enviar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="208"/>
        <source>{folder}: the results folder does not exist or cannot be reached.</source>
        <translation>{folder}: la carpeta de resultados no existe o no se puede alcanzar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="213"/>
        <source>The result is too large to submit.</source>
        <translation>El resultado es demasiado grande para enviarlo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="218"/>
        <source>{folder}: cannot write there ({reason}).</source>
        <translation>{folder}: no se puede escribir ahí ({reason}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="257"/>
        <source>{file}: not a result file (.json); skipped.</source>
        <translation>{file}: no es un archivo de resultado (.json); omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="258"/>
        <source>{file}: not a plain file (a link, folder or device); skipped.</source>
        <translation>{file}: no es un archivo normal (un enlace, carpeta o dispositivo); omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="261"/>
        <source>{file}: {size} bytes is too large for a result; skipped.</source>
        <translation>{file}: {size} bytes es demasiado para un resultado; omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="262"/>
        <source>{file}: cannot be read ({reason}); skipped.</source>
        <translation>{file}: no se puede leer ({reason}); omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="263"/>
        <source>{file}: not an MLP Studio result ({reason}); skipped.</source>
        <translation>{file}: no es un resultado de MLP Studio ({reason}); omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="264"/>
        <source>{file}: a result for another lab; skipped.</source>
        <translation>{file}: un resultado de otra práctica; omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="265"/>
        <source>{file}: the signature does not match (edited after it was submitted); skipped.</source>
        <translation>{file}: la firma no coincide (modificado después de enviarse); omitido.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="268"/>
        <source>Only the first {n} files of the folder were read.</source>
        <translation>Solo se leyeron los primeros {n} archivos de la carpeta.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/board.py" line="348"/>
        <source>{folder}: the results folder cannot be read ({reason}).</source>
        <translation>{folder}: no se puede leer la carpeta de resultados ({reason}).</translation>
    </message>
</context>
<context>
    <name>ClassAccuracyView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/class_accuracy_view.py" line="23"/>
        <source>&lt;b&gt;Accuracy per class&lt;/b&gt; on the test set</source>
        <translation>&lt;b&gt;Exactitud por clase&lt;/b&gt; en el conjunto de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/class_accuracy_view.py" line="25"/>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
</context>
<context>
    <name>ClassBoard</name>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="56"/>
        <source>Class board: {title}</source>
        <extracomment>How often a live board re-reads its folder (a shared drive: polling, not file events, which network file systems do not deliver). How many of the best fits are named on the plot (more would cover each other). (the reader that read, a Board or the reason it could not): from the reading thread</extracomment>
        <translation>Panel de la clase: {title}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="63"/>
        <source>Folder...</source>
        <translation>Carpeta...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="64"/>
        <source>Read the results from another folder.</source>
        <translation>Leer los resultados de otra carpeta.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="66"/>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="68"/>
        <source>Read the folder again every {seconds} seconds.</source>
        <translation>Volver a leer la carpeta cada {seconds} segundos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="74"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="86"/>
        <source>#</source>
        <translation>n.º</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="87"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="88"/>
        <source>Hidden
layers</source>
        <translation>Capas
ocultas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="89"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="90"/>
        <source>Train
error</source>
        <translation>Error de
entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="91"/>
        <source>Test
error</source>
        <translation>Error
de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="102"/>
        <source>Skipped files</source>
        <translation>Archivos omitidos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="110"/>
        <source>Best fits (lowest test error first)</source>
        <translation>Mejores ajustes (menor error de test primero)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="144"/>
        <source>Results folder</source>
        <translation>Carpeta de resultados</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="160"/>
        <source>Folder: {folder}</source>
        <translation>Carpeta: {folder}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="200"/>
        <source>Results: {n}</source>
        <translation>Resultados: {n}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/class_board.py" line="228"/>
        <source>{student}: {file}, submitted {when}</source>
        <translation>{student}: {file}, enviado el {when}</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="49"/>
        <source>T-shirt/top</source>
        <translation>Camiseta/top</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="50"/>
        <source>Trouser</source>
        <translation>Pantalón</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="51"/>
        <source>Pullover</source>
        <translation>Jersey</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="52"/>
        <source>Dress</source>
        <translation>Vestido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="53"/>
        <source>Coat</source>
        <translation>Abrigo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="54"/>
        <source>Sandal</source>
        <translation>Sandalia</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="55"/>
        <source>Shirt</source>
        <translation>Camisa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="56"/>
        <source>Sneaker</source>
        <translation>Zapatilla</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="57"/>
        <source>Bag</source>
        <translation>Bolso</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="58"/>
        <source>Ankle boot</source>
        <translation>Botín</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="62"/>
        <source>airplane</source>
        <translation>avión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="63"/>
        <source>automobile</source>
        <translation>automóvil</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="64"/>
        <source>bird</source>
        <translation>pájaro</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="65"/>
        <source>cat</source>
        <translation>gato</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="66"/>
        <source>deer</source>
        <translation>ciervo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="67"/>
        <source>dog</source>
        <translation>perro</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="68"/>
        <source>frog</source>
        <translation>rana</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="69"/>
        <source>horse</source>
        <translation>caballo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="70"/>
        <source>ship</source>
        <translation>barco</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="71"/>
        <source>truck</source>
        <translation>camión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="77"/>
        <source>apple</source>
        <translation>manzana</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="78"/>
        <source>aquarium fish</source>
        <translation>pez de acuario</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="79"/>
        <source>baby</source>
        <translation>bebé</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="80"/>
        <source>bear</source>
        <translation>oso</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="81"/>
        <source>beaver</source>
        <translation>castor</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="82"/>
        <source>bed</source>
        <translation>cama</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="83"/>
        <source>bee</source>
        <translation>abeja</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="84"/>
        <source>beetle</source>
        <translation>escarabajo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="85"/>
        <source>bicycle</source>
        <translation>bicicleta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="86"/>
        <source>bottle</source>
        <translation>botella</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="87"/>
        <source>bowl</source>
        <translation>cuenco</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="88"/>
        <source>boy</source>
        <translation>niño</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="89"/>
        <source>bridge</source>
        <translation>puente</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="90"/>
        <source>bus</source>
        <translation>autobús</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="91"/>
        <source>butterfly</source>
        <translation>mariposa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="92"/>
        <source>camel</source>
        <translation>camello</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="93"/>
        <source>can</source>
        <translation>lata</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="94"/>
        <source>castle</source>
        <translation>castillo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="95"/>
        <source>caterpillar</source>
        <translation>oruga</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="96"/>
        <source>cattle</source>
        <translation>ganado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="97"/>
        <source>chair</source>
        <translation>silla</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="98"/>
        <source>chimpanzee</source>
        <translation>chimpancé</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="99"/>
        <source>clock</source>
        <translation>reloj</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="100"/>
        <source>cloud</source>
        <translation>nube</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="101"/>
        <source>cockroach</source>
        <translation>cucaracha</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="102"/>
        <source>couch</source>
        <translation>sofá</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="103"/>
        <source>crab</source>
        <translation>cangrejo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="104"/>
        <source>crocodile</source>
        <translation>cocodrilo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="105"/>
        <source>cup</source>
        <translation>taza</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="106"/>
        <source>dinosaur</source>
        <translation>dinosaurio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="107"/>
        <source>dolphin</source>
        <translation>delfín</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="108"/>
        <source>elephant</source>
        <translation>elefante</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="109"/>
        <source>flatfish</source>
        <translation>pez plano</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="110"/>
        <source>forest</source>
        <translation>bosque</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="111"/>
        <source>fox</source>
        <translation>zorro</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="112"/>
        <source>girl</source>
        <translation>niña</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="113"/>
        <source>hamster</source>
        <translation>hámster</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="114"/>
        <source>house</source>
        <translation>casa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="115"/>
        <source>kangaroo</source>
        <translation>canguro</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="116"/>
        <source>keyboard</source>
        <translation>teclado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="117"/>
        <source>lamp</source>
        <translation>lámpara</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="118"/>
        <source>lawn mower</source>
        <translation>cortacésped</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="119"/>
        <source>leopard</source>
        <translation>leopardo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="120"/>
        <source>lion</source>
        <translation>león</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="121"/>
        <source>lizard</source>
        <translation>lagarto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="122"/>
        <source>lobster</source>
        <translation>langosta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="123"/>
        <source>man</source>
        <translation>hombre</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="124"/>
        <source>maple tree</source>
        <translation>arce</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="125"/>
        <source>motorcycle</source>
        <translation>motocicleta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="126"/>
        <source>mountain</source>
        <translation>montaña</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="127"/>
        <source>mouse</source>
        <translation>ratón</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="128"/>
        <source>mushroom</source>
        <translation>seta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="129"/>
        <source>oak tree</source>
        <translation>roble</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="130"/>
        <source>orange</source>
        <translation>naranja</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="131"/>
        <source>orchid</source>
        <translation>orquídea</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="132"/>
        <source>otter</source>
        <translation>nutria</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="133"/>
        <source>palm tree</source>
        <translation>palmera</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="134"/>
        <source>pear</source>
        <translation>pera</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="135"/>
        <source>pickup truck</source>
        <translation>camioneta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="136"/>
        <source>pine tree</source>
        <translation>pino</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="137"/>
        <source>plain</source>
        <translation>llanura</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="138"/>
        <source>plate</source>
        <translation>plato</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="139"/>
        <source>poppy</source>
        <translation>amapola</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="140"/>
        <source>porcupine</source>
        <translation>puercoespín</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="141"/>
        <source>possum</source>
        <translation>zarigüeya</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="142"/>
        <source>rabbit</source>
        <translation>conejo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="143"/>
        <source>raccoon</source>
        <translation>mapache</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="144"/>
        <source>ray</source>
        <translation>raya</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="145"/>
        <source>road</source>
        <translation>carretera</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="146"/>
        <source>rocket</source>
        <translation>cohete</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="147"/>
        <source>rose</source>
        <translation>rosa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="148"/>
        <source>sea</source>
        <translation>mar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="149"/>
        <source>seal</source>
        <translation>foca</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="150"/>
        <source>shark</source>
        <translation>tiburón</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="151"/>
        <source>shrew</source>
        <translation>musaraña</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="152"/>
        <source>skunk</source>
        <translation>mofeta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="153"/>
        <source>skyscraper</source>
        <translation>rascacielos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="154"/>
        <source>snail</source>
        <translation>caracol</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="155"/>
        <source>snake</source>
        <translation>serpiente</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="156"/>
        <source>spider</source>
        <translation>araña</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="157"/>
        <source>squirrel</source>
        <translation>ardilla</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="158"/>
        <source>streetcar</source>
        <translation>tranvía</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="159"/>
        <source>sunflower</source>
        <translation>girasol</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="160"/>
        <source>sweet pepper</source>
        <translation>pimiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="161"/>
        <source>table</source>
        <translation>mesa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="162"/>
        <source>tank</source>
        <translation>tanque</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="163"/>
        <source>telephone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="164"/>
        <source>television</source>
        <translation>televisor</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="165"/>
        <source>tiger</source>
        <translation>tigre</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="166"/>
        <source>tractor</source>
        <translation>tractor</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="167"/>
        <source>train</source>
        <translation>tren</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="168"/>
        <source>trout</source>
        <translation>trucha</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="169"/>
        <source>tulip</source>
        <translation>tulipán</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="170"/>
        <source>turtle</source>
        <translation>tortuga</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="171"/>
        <source>wardrobe</source>
        <translation>armario</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="172"/>
        <source>whale</source>
        <translation>ballena</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="173"/>
        <source>willow tree</source>
        <translation>sauce</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="174"/>
        <source>wolf</source>
        <translation>lobo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="175"/>
        <source>woman</source>
        <translation>mujer</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="176"/>
        <source>worm</source>
        <translation>gusano</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="180"/>
        <source>aquatic mammals</source>
        <translation>mamíferos acuáticos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="181"/>
        <source>fish</source>
        <translation>peces</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="182"/>
        <source>flowers</source>
        <translation>flores</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="183"/>
        <source>food containers</source>
        <translation>recipientes de comida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="184"/>
        <source>fruit and vegetables</source>
        <translation>frutas y verduras</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="185"/>
        <source>household electrical devices</source>
        <translation>electrodomésticos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="186"/>
        <source>household furniture</source>
        <translation>muebles del hogar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="187"/>
        <source>insects</source>
        <translation>insectos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="188"/>
        <source>large carnivores</source>
        <translation>grandes carnívoros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="189"/>
        <source>large man-made outdoor things</source>
        <translation>grandes construcciones al aire libre</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="190"/>
        <source>large natural outdoor scenes</source>
        <translation>grandes paisajes naturales</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="191"/>
        <source>large omnivores and herbivores</source>
        <translation>grandes omnívoros y herbívoros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="192"/>
        <source>medium mammals</source>
        <translation>mamíferos medianos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="193"/>
        <source>non-insect invertebrates</source>
        <translation>invertebrados no insectos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="194"/>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="195"/>
        <source>reptiles</source>
        <translation>reptiles</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="196"/>
        <source>small mammals</source>
        <translation>mamíferos pequeños</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="197"/>
        <source>trees</source>
        <translation>árboles</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="198"/>
        <source>vehicles 1</source>
        <translation>vehículos 1</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="199"/>
        <source>vehicles 2</source>
        <translation>vehículos 2</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="53"/>
        <source>Few noisy points: 1-10-1 against 1-200-200-1</source>
        <extracomment>The course&apos;s comparison, used when no architecture is given: 31, 151 and 2,701 parameters. Ready-made comparisons the Compare window offers: preset -&gt; (label, architectures). On 20 noisy points a 1-10-1 net generalises while a 1-200-200-1 net fits the noise: the course&apos;s closing question (fits well, efficient, generalises) with answers that differ. The architectures are the preset&apos;s own net and its rival (experiment/presets.py), so the case, the preset and the lab cannot drift apart.</extracomment>
        <translation>Pocos puntos con ruido: 1-10-1 frente a 1-200-200-1</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="69"/>
        <source>write widths separated by commas, e.g. 50,50 (or 0 for no hidden layer)</source>
        <translation>escribe las anchuras separadas por comas, p. ej. 50,50 (o 0 para no tener capas ocultas)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="78"/>
        <source>hidden layers &apos;{spec}&apos;: empty; {example}</source>
        <translation>capas ocultas «{spec}»: está vacío; {example}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="83"/>
        <source>hidden layers &apos;{spec}&apos;: ambiguous; {example}, and give each network separately</source>
        <translation>capas ocultas «{spec}»: es ambiguo; {example}, y da cada red por separado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="90"/>
        <source>hidden layers &apos;{spec}&apos;: a width is missing; {example}</source>
        <translation>capas ocultas «{spec}»: falta una anchura; {example}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="99"/>
        <source>hidden layers &apos;{spec}&apos;: &apos;{part}&apos; is not a whole number; {example}</source>
        <translation>capas ocultas «{spec}»: «{part}» no es un número entero; {example}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="106"/>
        <source>hidden layers &apos;{spec}&apos;: every width must be from 1 to {most} (got {width}); use 0 alone for no hidden layer</source>
        <translation>capas ocultas «{spec}»: cada anchura debe estar entre 1 y {most} (se escribió {width}); escribe 0 solo para no tener capas ocultas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="114"/>
        <source>hidden layers &apos;{spec}&apos;: at most {most} hidden layers</source>
        <translation>capas ocultas «{spec}»: como mucho {most} capas ocultas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="136"/>
        <source>give at least one architecture to compare</source>
        <translation>da al menos una arquitectura para comparar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="140"/>
        <source>{n} architectures: at most {most} can be compared at once</source>
        <translation>{n} arquitecturas: como mucho se pueden comparar {most} a la vez</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="152"/>
        <source>a grid needs at least one depth and one width</source>
        <translation>una rejilla necesita al menos una profundidad y una anchura</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="156"/>
        <source>grid depth {depth}: must be from 0 to {most}</source>
        <translation>profundidad de la rejilla {depth}: debe estar entre 0 y {most}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="163"/>
        <source>grid width {width}: must be from 1 to {most}</source>
        <translation>anchura de la rejilla {width}: debe estar entre 1 y {most}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/compare.py" line="265"/>
        <source>model.activation: a comparison trains several depths, so give one activation for every hidden layer instead of a list ({list})</source>
        <extracomment>What is needed to open the row as an experiment (kept in memory, never serialised).</extracomment>
        <translation>model.activation: una comparación entrena varias profundidades, así que da una sola activación para todas las capas ocultas en lugar de una lista ({list})</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="70"/>
        <source>Compare architectures</source>
        <translation>Comparar arquitecturas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="82"/>
        <source>The main window&apos;s experiment</source>
        <extracomment>Why the typed architectures cannot be trained (shown in red under the form; Run is disabled meanwhile), or None when they can.</extracomment>
        <translation>El experimento de la ventana principal</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="87"/>
        <source>Compare on the main window&apos;s data, or on a ready-made case whose answers differ.</source>
        <translation>Compara con los datos de la ventana principal o con un caso preparado en el que las respuestas difieren.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="90"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="91"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="92"/>
        <source>Depth x width grid</source>
        <translation>Rejilla profundidad x anchura</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="101"/>
        <source>Architectures</source>
        <translation>Arquitecturas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="105"/>
        <source>Hidden layers of each architecture, separated by &apos;;&apos;. &apos;50,50&apos; is two hidden layers of 50 units; &apos;0&apos; is no hidden layer.</source>
        <translation>Capas ocultas de cada arquitectura, separadas por &apos;;&apos;. &apos;50,50&apos; son dos capas ocultas de 50 neuronas; &apos;0&apos; es ninguna capa oculta.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="109"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="147"/>
        <source>Hidden layers</source>
        <translation>Capas ocultas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="114"/>
        <source>Numbers of hidden layers, e.g. 1, 2, 3.</source>
        <translation>Números de capas ocultas, p. ej. 1, 2, 3.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="116"/>
        <source>Units per hidden layer, e.g. 5, 10, 50.</source>
        <translation>Neuronas por capa oculta, p. ej. 5, 10, 50.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="118"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="223"/>
        <source>depths</source>
        <translation>profundidades</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="120"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="224"/>
        <source>widths</source>
        <translation>anchuras</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="122"/>
        <source>Grid</source>
        <translation>Rejilla</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="127"/>
        <source>Epochs for every architecture (the same for all, so the comparison is fair).</source>
        <translation>Épocas para cada arquitectura (las mismas para todas, para que la comparación sea justa).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="129"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="149"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="132"/>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="133"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="431"/>
        <source>Train every architecture on the same data and seed.</source>
        <translation>Entrena cada arquitectura con los mismos datos y la misma semilla.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="134"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="135"/>
        <source>Stop after the architecture being trained.</source>
        <translation>Se detiene después de la arquitectura que se está entrenando.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="136"/>
        <location filename="../../mlpstudio/gui/compare_window.py" line="402"/>
        <source>Open as experiment</source>
        <translation>Abrir como experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="137"/>
        <source>Continue with the selected row in the main window.</source>
        <translation>Continúa con la fila seleccionada en la ventana principal.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="138"/>
        <source>Export CSV...</source>
        <translation>Exportar CSV...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="139"/>
        <source>Save the table as a CSV file.</source>
        <translation>Guarda la tabla como archivo CSV.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="147"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="147"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="148"/>
        <source>Train loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="148"/>
        <source>Test loss</source>
        <translation>Pérdida de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="148"/>
        <source>Train metric</source>
        <translation>Métrica de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="149"/>
        <source>Test metric</source>
        <translation>Métrica de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="149"/>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="211"/>
        <source>Write at least one architecture, e.g. 10; 50,50.</source>
        <translation>Escribe al menos una arquitectura, p. ej. 10; 50,50.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="217"/>
        <source>&apos;{spec}&apos; is ambiguous: write {separate} for separate networks, or {layers} for one network with these hidden layers.</source>
        <translation>&apos;{spec}&apos; es ambiguo: escribe {separate} para redes separadas, o {layers} para una red con estas capas ocultas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="233"/>
        <source>{what}: &apos;{part}&apos; is not a whole number; write numbers separated by commas, e.g. 1, 2, 3.</source>
        <translation>{what}: &apos;{part}&apos; no es un número entero; escribe números separados por comas, p. ej. 1, 2, 3.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="261"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="265"/>
        <source>Networks to train ({n}), hidden layers: {list}</source>
        <translation>Redes que se entrenarán ({n}), capas ocultas: {list}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="294"/>
        <source>Cannot compare</source>
        <translation>No se puede comparar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="299"/>
        <source>Starting...</source>
        <translation>Iniciando...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="339"/>
        <source>Training {i} of {n}: hidden layers {hidden}, epoch {epoch} of {total}</source>
        <translation>Entrenando {i} de {n}: capas ocultas {hidden}, época {epoch} de {total}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="344"/>
        <source>Done: {k} of {n} architectures.</source>
        <translation>Hecho: {k} de {n} arquitecturas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="351"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="351"/>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="404"/>
        <source>A network without hidden layers cannot be opened as an experiment; give it at least one.</source>
        <translation>Una red sin capas ocultas no se puede abrir como experimento; ponle al menos una.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="419"/>
        <source>Export comparison</source>
        <translation>Exportar comparación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="419"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/compare_window.py" line="425"/>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="63"/>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt;: rows true, columns predicted</source>
        <translation>&lt;b&gt;Matriz de confusión&lt;/b&gt;: filas reales, columnas predichas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="64"/>
        <source>Superclasses</source>
        <translation>Superclases</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="67"/>
        <source>Fold the 100 CIFAR-100 classes into their 20 superclasses: a mistake between two kinds of tree counts as right.</source>
        <translation>Agrupa las 100 clases de CIFAR-100 en sus 20 superclases: confundir dos tipos de árbol cuenta como acierto.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="75"/>
        <source>true class</source>
        <translation>clase real</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="76"/>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="190"/>
        <source>True {true}, predicted {predicted}: {count} of {total} ({share})</source>
        <translation>Real {true}, predicha {predicted}: {count} de {total} ({share})</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="49"/>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="157"/>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="61"/>
        <source>Choose file...</source>
        <translation>Elegir archivo...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="68"/>
        <source>The first rows of the file, as read.</source>
        <translation>Las primeras filas del archivo, tal como se leen.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="74"/>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="80"/>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="75"/>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="192"/>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="77"/>
        <source>The character between the columns.</source>
        <translation>El carácter entre las columnas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="78"/>
        <source>Separator</source>
        <translation>Separador</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="80"/>
        <source>Point: 1.5</source>
        <translation>Punto: 1.5</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="81"/>
        <source>Comma: 1,5</source>
        <translation>Coma: 1,5</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="83"/>
        <source>How the file writes decimals (Spanish files: comma).</source>
        <translation>Cómo escribe el archivo los decimales (archivos en español: coma).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="84"/>
        <source>Decimal mark</source>
        <translation>Separador decimal</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="89"/>
        <source>The column the network learns to predict.</source>
        <translation>La columna que la red aprende a predecir.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="90"/>
        <source>Target column</source>
        <translation>Columna objetivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="93"/>
        <source>Automatic (text or few whole numbers: classes)</source>
        <translation>Automática (texto o pocos enteros: clases)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="94"/>
        <source>Regression (predict a number)</source>
        <translation>Regresión (predecir un número)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="95"/>
        <source>Classification (predict a class)</source>
        <translation>Clasificación (predecir una clase)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="99"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="100"/>
        <source>Standardise the inputs (mean 0, std 1)</source>
        <translation>Estandarizar las entradas (media 0, desviación 1)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="102"/>
        <source>With the mean and standard deviation of the training rows only.</source>
        <translation>Con la media y la desviación típica de las filas de entrenamiento solamente.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="107"/>
        <source>Scale a numeric target to [-1, 1]</source>
        <translation>Escalar un objetivo numérico a [-1, 1]</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="109"/>
        <source>Divide the target by its largest absolute value in the training rows; the views show it in the file&apos;s units.</source>
        <translation>Divide el objetivo por su mayor valor absoluto en las filas de entrenamiento; las vistas lo muestran en las unidades del archivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="113"/>
        <source>Divide a numeric target by its maximum</source>
        <translation>Dividir un objetivo numérico por su máximo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="115"/>
        <source>Divide the target by its largest value in the training rows (the course&apos;s y / y.max()); the views show it in the file&apos;s units.</source>
        <translation>Divide el objetivo por su mayor valor en las filas de entrenamiento (el y / y.max() del curso); las vistas lo muestran en las unidades del archivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="121"/>
        <source>Input columns</source>
        <translation>Columnas de entrada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="123"/>
        <source>Tick the columns the network reads; they must be numbers.</source>
        <translation>Marca las columnas que lee la red; deben ser números.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="158"/>
        <source>CSV tables (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Tablas CSV (*.csv *.txt *.tsv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="165"/>
        <source>No file chosen yet.</source>
        <translation>Aún no se ha elegido ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="193"/>
        <source>point</source>
        <translation>punto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="193"/>
        <source>comma</source>
        <translation>coma</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="195"/>
        <source>Read with separator “{sep}” and decimal {dec}; {n} columns.</source>
        <translation>Leído con separador «{sep}» y decimal {dec}; {n} columnas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="237"/>
        <source>{name} (text)</source>
        <translation>{name} (texto)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/csv_dialog.py" line="291"/>
        <source>Tick at least one input column.</source>
        <translation>Marca al menos una columna de entrada.</translation>
    </message>
</context>
<context>
    <name>CudaGraph</name>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="55"/>
        <source>CUDA graph replay: on.</source>
        <extracomment>environment variable that turns replay off when set to 0 (benchmarks time both paths) optimisers whose registry ``update`` ignores ``t`` (their only step-dependent input is the learning rate, which the graph reads from the device); Adam goes through its fused kernel</extracomment>
        <translation>Repetición con grafos CUDA: activada.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="56"/>
        <source>CUDA graph replay: off ({reason}).</source>
        <translation>Repetición con grafos CUDA: desactivada ({reason}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="58"/>
        <source>the CPU computes</source>
        <translation>calcula la CPU</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="59"/>
        <source>no usable GPU</source>
        <translation>no hay ninguna GPU utilizable</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="60"/>
        <source>turned off by {variable}=0</source>
        <translation>desactivada con {variable}=0</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="61"/>
        <source>this CuPy cannot capture graphs: {detail}</source>
        <translation>esta versión de CuPy no puede capturar grafos: {detail}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="62"/>
        <source>the capture self-test failed: {detail}</source>
        <translation>falló la autoprueba de captura: {detail}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="63"/>
        <source>no graph step for the {detail} optimiser</source>
        <translation>no hay paso en grafo para el optimizador {detail}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/cuda_graph.py" line="64"/>
        <source>capture failed: {detail}</source>
        <translation>falló la captura: {detail}</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="129"/>
        <source>The formula gives {value} at {where}: it is not defined on the whole domain (a logarithm or square root of a negative number, a division by zero or an overflow?). Change the formula or the domain.</source>
        <translation>La fórmula da {value} en {where}: no está definida en todo el dominio (¿un logaritmo o una raíz cuadrada de un número negativo, una división entre cero o un desbordamiento?). Cambia la fórmula o el dominio.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="55"/>
        <source>Use either x (one input) or x1 to x4 (several inputs), not both.</source>
        <extracomment>The 2-D sets that may have more than two classes, and how many classes any set may have. A formula&apos;s inputs: x alone, or x1, x2, ... up to MAX_INPUTS (3 or more: sampled at random). How y is normalised: divide by max |y| (targets in [-1, 1]) or by max y (the slide&apos;s ``y / y.max()``, the course example&apos;s default). Probe points per axis when looking for singularities between the samples. A target whose largest |y| exceeds this many times its 90th percentile gets a warning.</extracomment>
        <translation>Usa x (una entrada) o x1 a x4 (varias entradas), no ambas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="74"/>
        <source>Unknown normalisation {name!r}; choose one of {names}.</source>
        <translation>Normalización desconocida {name!r}; elige una de {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="81"/>
        <source>The target is zero everywhere on the domain, so it cannot be normalised; turn normalisation off or change the formula.</source>
        <translation>El objetivo vale cero en todo el dominio, así que no se puede normalizar; desactiva la normalización o cambia la fórmula.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="89"/>
        <source>The largest y is {value}, below zero: dividing by it would turn the curve upside down. Divide by max |y| instead, or turn normalisation off.</source>
        <translation>El mayor y es {value}, menor que cero: dividir por él daría la vuelta a la curva. Divide por máx |y| o desactiva la normalización.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="182"/>
        <source>{formula} is infinite or undefined near {where}: the samples miss that point, but the values next to it are huge.</source>
        <translation>{formula} es infinita o no está definida cerca de {where}: las muestras no caen en ese punto, pero los valores junto a él son enormes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="196"/>
        <source>{formula} has very large values near {where} (|y| up to {peak}, while 90% of the values are below {typical}): the rest of the curve looks flat.</source>
        <translation>{formula} tiene valores muy grandes cerca de {where} (|y| llega a {peak}, mientras que el 90 % de los valores está por debajo de {typical}): el resto de la curva parece plana.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="216"/>
        <source>The domain needs 2 numbers (or {n} for {inputs} inputs), got {got}.</source>
        <translation>El dominio necesita 2 números (o {n} para {inputs} entradas), pero tiene {got}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="224"/>
        <source>The domain [{lo}, {hi}] must be finite with its start below its end.</source>
        <translation>El dominio [{lo}, {hi}] debe ser finito y su inicio debe ser menor que su final.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="230"/>
        <source>The domain [{lo}, {hi}] reaches beyond {limit} in size, where training in float32 overflows; use a narrower domain (other units).</source>
        <translation>El dominio [{lo}, {hi}] llega más allá de {limit} en tamaño, donde el entrenamiento en float32 se desborda; usa un dominio más estrecho (otras unidades).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="244"/>
        <source>The step between points must be positive.</source>
        <translation>El paso entre puntos debe ser positivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="248"/>
        <source>A step of {step} gives more points than can be counted; at most {limit}.</source>
        <translation>Un paso de {step} da más puntos de los que se pueden contar; como máximo {limit}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="256"/>
        <source>A step of {step} gives {count} points; at most {limit}.</source>
        <translation>Un paso de {step} da {count} puntos; como máximo se permiten {limit}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="266"/>
        <source>At least 5 points are needed to split into train and test.</source>
        <translation>Hacen falta al menos 5 puntos para dividirlos en entrenamiento y test.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="282"/>
        <source>The number of points must be between 5 and {limit}, not {points}.</source>
        <translation>El número de puntos debe estar entre 5 y {limit}, no {points}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="292"/>
        <source>The test fraction must be between 0 and 1, not {value}.</source>
        <translation>La fracción de test debe estar entre 0 y 1, no {value}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="299"/>
        <source>A test fraction of {value} leaves no train or no test points.</source>
        <translation>Con una fracción de test de {value}, uno de los dos conjuntos se queda sin puntos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="323"/>
        <location filename="../../mlpstudio/data/functions.py" line="503"/>
        <source>Unknown 2-D set {name!r}; choose one of {names}.</source>
        <translation>Conjunto 2D desconocido {name!r}; elige uno de {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="331"/>
        <source>The noise must be between 0 and 1, not {value}.</source>
        <translation>El ruido debe estar entre 0 y 1, no {value}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="356"/>
        <source>The number of classes must be from {low} to {high}, not {n}.</source>
        <translation>El número de clases debe estar entre {low} y {high}, no {n}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="362"/>
        <source>The set {name!r} has two classes; more classes need one of {names}.</source>
        <translation>El conjunto {name!r} tiene dos clases; para más clases usa uno de {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="389"/>
        <source>The condition {condition} cannot be decided at {where}: a side of it is not a number there (a logarithm or square root of a negative number, a division by zero or an overflow?). Change the condition or the domain.</source>
        <translation>La condición {condition} no se puede decidir en {where}: uno de sus lados no es un número allí (¿el logaritmo o la raíz cuadrada de un número negativo, una división por cero o un desbordamiento?). Cambia la condición o el dominio.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="400"/>
        <source>The condition {condition} puts {n1} of the {n} points in class 1: both classes need at least 2 points. Change the condition or the domain.</source>
        <translation>La condición {condition} pone {n1} de los {n} puntos en la clase 1: cada clase necesita al menos 2 puntos. Cambia la condición o el dominio.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/csv_data.py" line="27"/>
        <source>No CSV file is chosen: import one with Import CSV... (in a configuration file: give its path as data.path).</source>
        <translation>No se ha elegido ningún archivo CSV: importa uno con Importar CSV... (en un archivo de configuración: indica su ruta en data.path).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/csv_data.py" line="36"/>
        <source>Reading {file}</source>
        <translation>Leer {file}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/csv_data.py" line="37"/>
        <source>Use a sample of the rows, or fewer columns.</source>
        <translation>Usa una muestra de las filas, o menos columnas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/csv_data.py" line="63"/>
        <source>{file}: the target column &quot;{target}&quot; is zero in every train row, so it cannot be normalised; turn normalisation off or choose another target column.</source>
        <translation>{file}: la columna objetivo «{target}» vale cero en todas las filas de entrenamiento, así que no se puede normalizar; desactiva la normalización o elige otra columna objetivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/csv_data.py" line="72"/>
        <source>{file}: {rows} rows; target {target} ({task}); inputs {inputs}.</source>
        <translation>{file}: {rows} filas; objetivo {target} ({task}); entradas {inputs}.</translation>
    </message>
</context>
<context>
    <name>DataPages</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="39"/>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="55"/>
        <source>How many classes of points (more than two: a softmax output, one unit per class).</source>
        <translation>Cuántas clases de puntos (más de dos: salida softmax, una neurona por clase).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="60"/>
        <source>This set has two classes; Gaussians, Spiral and Blobs can have up to five.</source>
        <translation>Este conjunto tiene dos clases; Gaussianas, Espiral y Manchas pueden tener hasta cinco.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="71"/>
        <source>by max y (y / y.max(), the slide)</source>
        <translation>por máx y (y / y.max(), la diapositiva)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="72"/>
        <source>by max |y|</source>
        <translation>por máx |y|</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="77"/>
        <source>The course divides y by y.max(), its largest value; dividing by the largest |y| puts every target in [-1, 1].</source>
        <translation>El curso divide y por y.max(), su valor más grande; dividir por el mayor |y| deja todos los objetivos en [-1, 1].</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="99"/>
        <source>Class 1 where this condition holds, class 0 elsewhere: a comparison (&lt; &lt;= &gt; &gt;=) of formulas in x1 and x2, joined by &apos;and&apos; / &apos;or&apos;.</source>
        <translation>Clase 1 donde se cumple esta condición, clase 0 en el resto: una comparación (&lt; &lt;= &gt; &gt;=) de fórmulas en x1 y x2, unidas con &apos;and&apos; / &apos;or&apos;.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="115"/>
        <source>Class 1 if</source>
        <translation>Clase 1 si</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="124"/>
        <source>The interval of x1 and x2 in which the points are drawn.</source>
        <translation>El intervalo de x1 y x2 en el que se sortean los puntos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="130"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="132"/>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="138"/>
        <source>How many points, drawn uniformly in the domain.</source>
        <translation>Cuántos puntos, sorteados uniformemente en el dominio.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="143"/>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="150"/>
        <source>Standard deviation of the noise that moves each point after it is labelled.</source>
        <translation>Desviación típica del ruido que mueve cada punto después de etiquetarlo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="156"/>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="198"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="199"/>
        <source>Import CSV...</source>
        <translation>Importar CSV...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="201"/>
        <source>Choose a CSV file, its target column and its input columns.</source>
        <translation>Elige un archivo CSV, su columna objetivo y sus columnas de entrada.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="210"/>
        <source>No file chosen yet.</source>
        <translation>Aún no se ha elegido ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="212"/>
        <source>the last column</source>
        <translation>la última columna</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_pages.py" line="214"/>
        <source>{file}; target: {target}</source>
        <translation>{file}; objetivo: {target}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="67"/>
        <source>(choose a preset)</source>
        <extracomment>The keys the Import CSV dialog sets (a lab that locks any of them locks the dialog&apos;s button).</extracomment>
        <translation>(elige un ejemplo)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="71"/>
        <source>Load a ready-made experiment: the course example and other targets.</source>
        <translation>Carga un experimento ya preparado: el ejemplo del curso y otras funciones y conjuntos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="74"/>
        <source>Preset</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="77"/>
        <source>Function y = f(x)</source>
        <translation>Función y = f(x)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="78"/>
        <source>2-D classification set</source>
        <translation>Conjunto de clasificación 2D</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="79"/>
        <source>2-D classes from a condition</source>
        <translation>Clases 2D definidas por una condición</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="82"/>
        <source>Images: {name}</source>
        <translation>Imágenes: {name}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="83"/>
        <source>Your own data: a CSV file</source>
        <translation>Tus propios datos: un archivo CSV</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="86"/>
        <source>Regression: the network approximates a function you type. Classification: it separates two classes of points in the plane.</source>
        <translation>Regresión: la red aproxima una función que escribes tú. Clasificación: separa dos clases de puntos en el plano.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="90"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="115"/>
        <source>Share of the points held out as the test set. The network never trains on them: they measure how well it generalises.</source>
        <translation>Proporción de los puntos que se reservan como conjunto de test. La red nunca entrena con ellos: miden lo bien que generaliza.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="119"/>
        <source>Test set</source>
        <translation>Conjunto de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="124"/>
        <source>Seed of the random train/test split and of the noise: the same seed gives the same data.</source>
        <translation>Semilla de la división aleatoria entrenamiento/test y del ruido: la misma semilla da los mismos datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="128"/>
        <source>Data seed</source>
        <translation>Semilla de datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="132"/>
        <source>&lt;b&gt;Preview&lt;/b&gt; of the data</source>
        <translation>&lt;b&gt;Vista previa&lt;/b&gt; de los datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="160"/>
        <source>The target function the network must learn, in x (or in x1 and x2 for two inputs).</source>
        <translation>La función objetivo que debe aprender la red, en x (o en x1 y x2 para dos entradas).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="174"/>
        <source>f(x) =</source>
        <translation>f(x) =</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="184"/>
        <source>The interval of x on which the function is sampled (for x1, x2: the same interval on both axes).</source>
        <translation>El intervalo de x en el que se muestrea la función (para x1, x2: el mismo intervalo en ambos ejes).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="191"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="193"/>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="196"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="197"/>
        <source>Number of points</source>
        <translation>Número de puntos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="200"/>
        <source>Sample x every &apos;step&apos; (like numpy.arange), or take a number of evenly spaced points.</source>
        <translation>Muestrea x cada &apos;paso&apos; (como numpy.arange) o toma un número dado de puntos equiespaciados.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="209"/>
        <source>Distance between consecutive samples of x.</source>
        <translation>Distancia entre muestras consecutivas de x.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="214"/>
        <source>How many samples of the function (train + test).</source>
        <translation>Cuántas muestras de la función (entrenamiento + test).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="219"/>
        <source>Sampling</source>
        <translation>Muestreo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="231"/>
        <source>Standard deviation of the Gaussian noise added to every y: real measurements are never exact.</source>
        <translation>Desviación típica del ruido gaussiano que se suma a cada y: las medidas reales nunca son exactas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="236"/>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="284"/>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="238"/>
        <source>Divide y</source>
        <translation>Dividir y</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="239"/>
        <source>Normalise the targets, as in the course.</source>
        <translation>Normaliza los objetivos, como en el curso.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="260"/>
        <source>Classes of points in the plane, as in TensorFlow Playground: the network learns the boundaries between them.</source>
        <translation>Clases de puntos en el plano, como en TensorFlow Playground: la red aprende las fronteras entre ellas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="247"/>
        <source>Normalise</source>
        <translation>Normalizar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="265"/>
        <source>Set</source>
        <translation>Conjunto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="269"/>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="274"/>
        <source>How many points (train + test).</source>
        <translation>Cuántos puntos (entrenamiento + test).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="276"/>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="282"/>
        <source>How much the classes overlap (0: cleanly separated).</source>
        <translation>Cuánto se solapan las clases (0: perfectamente separadas).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="294"/>
        <source>On this computer</source>
        <translation>En este ordenador</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="296"/>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="440"/>
        <source>Download...</source>
        <translation>Descargar...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="299"/>
        <source>Download the files from the official source (or the lab&apos;s mirror) and verify their checksums.</source>
        <translation>Descarga los archivos de la fuente oficial (o del espejo del laboratorio) y verifica sus sumas de comprobación.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="303"/>
        <source>Import from folder...</source>
        <translation>Importar desde carpeta...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="306"/>
        <source>Use files a teacher copied onto this computer (.gz or uncompressed); they are verified first.</source>
        <translation>Usa archivos que un profesor ha copiado en este ordenador (.gz o sin comprimir); antes se verifican.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="310"/>
        <source>Manage...</source>
        <translation>Gestionar...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="312"/>
        <source>See every dataset, its size and whether it verified.</source>
        <translation>Muestra todos los conjuntos de datos, su tamaño y si se han verificado.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="319"/>
        <source>(the data store)</source>
        <translation>(el almacén de datos)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="322"/>
        <source>A folder holding this dataset&apos;s files, for example one a teacher shared. Empty: the app&apos;s own data store (see Datasets...).</source>
        <translation>Una carpeta con los archivos de este conjunto de datos, por ejemplo una que compartió el profesor. Vacío: el almacén de datos propio de la aplicación (véase Conjuntos de datos...).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="327"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="328"/>
        <source>Choose the folder with the dataset&apos;s files.</source>
        <translation>Elige la carpeta con los archivos del conjunto de datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="333"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="340"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="343"/>
        <source>How many images of each split to use: fewer train faster on a modest PC, more generalise better.</source>
        <translation>Cuántas imágenes de cada partición usar: con menos se entrena más rápido en un PC modesto; con más se generaliza mejor.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="348"/>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="350"/>
        <source>Pixels / 255 (0 to 1)</source>
        <translation>Píxeles / 255 (de 0 a 1)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="351"/>
        <source>Standardise (mean 0, std 1)</source>
        <translation>Estandarizar (media 0, desv. típica 1)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="354"/>
        <source>How pixel values 0-255 become inputs. Standardising centres them, which often helps training.</source>
        <translation>Cómo se convierten los valores de píxel 0-255 en entradas. Estandarizar los centra, lo que suele ayudar al entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="359"/>
        <source>Scaling</source>
        <translation>Escalado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="361"/>
        <source>100 fine classes</source>
        <translation>100 clases finas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="362"/>
        <source>20 superclasses</source>
        <translation>20 superclases</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="365"/>
        <source>CIFAR-100 has two labels per image: one of 100 classes and one of 20 superclasses.</source>
        <translation>CIFAR-100 tiene dos etiquetas por imagen: una de 100 clases y otra de 20 superclases.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="369"/>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="422"/>
        <source>Each {h}&amp;times;{w} grey image is flattened, row after row, into a vector of &lt;b&gt;{n}&lt;/b&gt; inputs: N&lt;sub&gt;0&lt;/sub&gt; = {n}.</source>
        <translation>Cada imagen en escala de grises de {h}&amp;times;{w} se aplana, fila a fila, en un vector de &lt;b&gt;{n}&lt;/b&gt; entradas: N&lt;sub&gt;0&lt;/sub&gt; = {n}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="427"/>
        <source>Each {h}&amp;times;{w} colour image has 3 values per pixel (red, green, blue): flattened, it is a vector of &lt;b&gt;{n}&lt;/b&gt; inputs, N&lt;sub&gt;0&lt;/sub&gt; = {h}&amp;times;{w}&amp;times;3 = {n}.</source>
        <translation>Cada imagen en color de {h}&amp;times;{w} tiene 3 valores por píxel (rojo, verde, azul): aplanada, es un vector de &lt;b&gt;{n}&lt;/b&gt; entradas, N&lt;sub&gt;0&lt;/sub&gt; = {h}&amp;times;{w}&amp;times;3 = {n}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="439"/>
        <source>Download again...</source>
        <translation>Volver a descargar...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="574"/>
        <source>Folder with the dataset&apos;s files</source>
        <translation>Carpeta con los archivos del conjunto de datos</translation>
    </message>
</context>
<context>
    <name>DatasetCard</name>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="71"/>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="76"/>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="78"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="104"/>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="199"/>
        <source>{split} {n}</source>
        <translation>{split} {n}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="112"/>
        <source>Images: {shape} pixels ({colour}), {inputs} inputs when flattened.</source>
        <translation>Imágenes: {shape} píxeles ({colour}), {inputs} entradas al aplanarlas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="114"/>
        <source>colour</source>
        <translation>color</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="114"/>
        <source>grey</source>
        <translation>gris</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="117"/>
        <source>Published splits: {splits} images.</source>
        <translation>Particiones publicadas: {splits} imágenes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="137"/>
        <source>{n} classes: {names}.</source>
        <translation>{n} clases: {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="125"/>
        <source>{n} superclasses of 5 classes each: {names}.</source>
        <translation>{n} superclases de 5 clases cada una: {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="129"/>
        <source>Source: {credit}.</source>
        <translation>Fuente: {credit}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="140"/>
        <source>{n} classes, the first {k}: {names}.</source>
        <translation>{n} clases; las {k} primeras: {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="163"/>
        <source>Class balance: appears once the set is on this computer (Download or Import).</source>
        <translation>Equilibrio de clases: aparece cuando el conjunto esté en este ordenador (Descargar o Importar).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="178"/>
        <source>superclasses</source>
        <translation>superclases</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="178"/>
        <source>classes</source>
        <translation>clases</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="180"/>
        <source>Class balance counted from the label files: {train} training and {test} test images in {n} {what}; per class (training + test) from {low} to {high}.</source>
        <translation>Equilibrio de clases contado en los ficheros de etiquetas: {train} imágenes de entrenamiento y {test} de test en {n} {what}; por clase (entrenamiento + test) de {low} a {high}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="191"/>
        <source>Not on this computer: {files}.</source>
        <translation>No están en este ordenador: {files}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="203"/>
        <source>information only: MLP Studio does not load this set.</source>
        <translation>solo información: MLP Studio no carga este conjunto.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="204"/>
        <source>Task: {text}</source>
        <translation>Tarea: {text}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="205"/>
        <source>Images: {text}</source>
        <translation>Imágenes: {text}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="206"/>
        <source>Classes: {text}</source>
        <translation>Clases: {text}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="207"/>
        <source>Splits: {splits} images.</source>
        <translation>Particiones: {splits} imágenes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="208"/>
        <source>&lt;b&gt;Why not an MLP?&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;¿Por qué no un MLP?&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="211"/>
        <source>Source: {credit}. {url}</source>
        <translation>Fuente: {credit}. {url}</translation>
    </message>
</context>
<context>
    <name>DatasetManager</name>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="212"/>
        <source>Datasets</source>
        <translation>Conjuntos de datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="222"/>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="222"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="223"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="240"/>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="241"/>
        <source>Download the selected set and verify it.</source>
        <translation>Descarga el conjunto seleccionado y lo verifica.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="242"/>
        <source>Import from folder...</source>
        <translation>Importar desde carpeta...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="243"/>
        <source>Copy the selected set&apos;s files from a folder.</source>
        <translation>Copia los archivos del conjunto seleccionado desde una carpeta.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="244"/>
        <location filename="../../mlpstudio/gui/datasets.py" line="312"/>
        <location filename="../../mlpstudio/gui/datasets.py" line="314"/>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="245"/>
        <source>Read every file again and check it.</source>
        <translation>Vuelve a leer cada archivo y lo comprueba.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="246"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="247"/>
        <source>Show the data folder in the file manager.</source>
        <translation>Muestra la carpeta de datos en el explorador de archivos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="281"/>
        <source>Data folder: {folder}</source>
        <translation>Carpeta de datos: {folder}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="283"/>
        <source>Downloads come from the mirror {url}</source>
        <translation>Las descargas vienen del espejo {url}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="297"/>
        <source>Information only: not loadable in MLP Studio.</source>
        <translation>Solo información: no se puede cargar en MLP Studio.</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="325"/>
        <source>MNIST handwritten digits</source>
        <extracomment>The superclass of every CIFAR-100 fine class (index: fine label; value: coarse label). CIFAR-100&apos;s 20 superclasses, and the superclass of each fine class (by fine label). Files that may be left out of a folder given as ``root`` (CIFAR-10&apos;s training batches 2 to 5, for a lighter copy in a lab); the store itself always holds all of them.</extracomment>
        <translation>Dígitos manuscritos MNIST</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="384"/>
        <source>Fashion-MNIST clothes</source>
        <translation>Ropa Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="441"/>
        <source>CIFAR-10 photos</source>
        <translation>Fotos CIFAR-10</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="463"/>
        <source>CIFAR-100 photos</source>
        <translation>Fotos CIFAR-100</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="533"/>
        <source>Classification of photos into 1,000 classes.</source>
        <extracomment>Display names (translated when shown, context &quot;Datasets&quot;). The largest extra text member (class names) taken from an archive.</extracomment>
        <translation>Clasificación de fotos en 1.000 clases.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="534"/>
        <source>About 1.43 million colour photos of varying size (often resized to 224x224x3 = 150,528 inputs); the training images alone are about 140 GB.</source>
        <translation>Unos 1,43 millones de fotos en color de tamaños variados (a menudo redimensionadas a 224x224x3 = 150.528 entradas); solo las imágenes de entrenamiento ocupan unos 140 GB.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="539"/>
        <source>1,000 classes (WordNet synsets; about 120 of them are dog breeds).</source>
        <translation>1.000 clases (synsets de WordNet; unas 120 son razas de perro).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="543"/>
        <source>A dense first layer of 1,000 units on 224x224x3 inputs already has 150 million weights, and it would have to learn every object again at every position. Convolutional networks and vision transformers share weights across the image and reach over 80% top-1 accuracy; this is their data set, not an MLP&apos;s.</source>
        <translation>Una primera capa densa de 1.000 unidades sobre entradas de 224x224x3 ya tiene 150 millones de pesos, y tendría que aprender cada objeto de nuevo en cada posición. Las redes convolucionales y los vision transformers comparten pesos por toda la imagen y superan el 80 % de exactitud top-1; este es su conjunto de datos, no el de un MLP.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="557"/>
        <source>Object detection, segmentation and captioning: many objects per photo, each with a box and an outline.</source>
        <translation>Detección de objetos, segmentación y descripción de imágenes: muchos objetos por foto, cada uno con su caja y su contorno.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="562"/>
        <source>About 164,000 colour photos of everyday scenes, typically 640x480, with about 1.5 million labelled objects; about 25 GB of images.</source>
        <translation>Unas 164.000 fotos en color de escenas cotidianas, normalmente de 640x480, con alrededor de 1,5 millones de objetos etiquetados; unos 25 GB de imágenes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="567"/>
        <source>80 object categories (91 defined), plus captions and keypoints.</source>
        <translation>80 categorías de objetos (91 definidas), además de descripciones y puntos clave.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="571"/>
        <source>The answer is not one class per image but a variable list of boxes and masks, which a fixed-size MLP output cannot express; detectors (Faster R-CNN, YOLO, DETR) use convolutional or transformer backbones on the whole image.</source>
        <translation>La respuesta no es una clase por imagen sino una lista variable de cajas y máscaras, que la salida de tamaño fijo de un MLP no puede expresar; los detectores (Faster R-CNN, YOLO, DETR) usan redes troncales convolucionales o transformers sobre la imagen completa.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/locations.py" line="102"/>
        <source>{title}: missing {files} (looked in {where}).</source>
        <translation>{title}: faltan {files} (se ha buscado en {where}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/locations.py" line="107"/>
        <source>The folder holds {archive}: import it with `mlpstudio data import {name} FOLDER`, which checks and unpacks it.</source>
        <translation>La carpeta contiene {archive}: impórtalo con `mlpstudio data import {name} FOLDER`, que lo comprueba y lo descomprime.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/locations.py" line="115"/>
        <source>The folder looks like the Python (pickle) version, which MLP Studio does not open; use the binary version ({archive}).</source>
        <translation>La carpeta parece contener la versión para Python (pickle), que MLP Studio no abre; usa la versión binaria ({archive}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/locations.py" line="121"/>
        <source>Put the official files there, or clear the image folder setting (data.root) to use the data store (`mlpstudio data fetch {name}`).</source>
        <translation>Pon allí los archivos oficiales o vacía la opción de carpeta de imágenes (data.root) para usar el almacén de datos (`mlpstudio data fetch {name}`).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/locations.py" line="127"/>
        <source>Download it (Download... in the Data panel, or `mlpstudio data fetch {name}`), or import a folder of the official files (Import from folder..., or `mlpstudio data import {name} FOLDER`).</source>
        <translation>Descárgalo (Descargar... en el panel Datos, o `mlpstudio data fetch {name}`) o importa una carpeta con los archivos oficiales (Importar desde carpeta..., o `mlpstudio data import {name} FOLDER`).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="55"/>
        <source>Not on this computer yet.</source>
        <translation>Todavía no está en este ordenador.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="59"/>
        <source>Ready, {size}: every file verified by checksum.</source>
        <translation>Listo, {size}: todos los archivos verificados por suma de comprobación.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="62"/>
        <source>Ready, {size}: {hashed} of {n} files verified by checksum, the others checked by size and labels.</source>
        <translation>Listo, {size}: {hashed} de {n} archivos verificados por suma de comprobación; los demás, comprobados por tamaño y etiquetas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="70"/>
        <source>Damaged files: {files}. Download or import them again.</source>
        <translation>Archivos dañados: {files}. Vuelve a descargarlos o a importarlos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="73"/>
        <source>Incomplete: {files} missing.</source>
        <translation>Incompleto: faltan {files}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="151"/>
        <source>Downloading {name}</source>
        <translation>Descargando {name}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="159"/>
        <source>Download cancelled</source>
        <translation>Descarga cancelada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="160"/>
        <source>Nothing was kept; you can start again.</source>
        <translation>No se ha guardado nada; puedes empezar de nuevo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="164"/>
        <source>Download failed</source>
        <translation>Error en la descarga</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="178"/>
        <source>Folder with the {name} files</source>
        <translation>Carpeta con los archivos de {name}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="184"/>
        <source>Importing {name}</source>
        <translation>Importando {name}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="190"/>
        <source>Import failed</source>
        <translation>Error al importar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="192"/>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="196"/>
        <source>Import incomplete</source>
        <translation>Importación incompleta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="105"/>
        <source>the server sent the file in the &apos;{encoding}&apos; encoding instead of its plain bytes, which is refused</source>
        <translation>el servidor envió el archivo con la codificación &apos;{encoding}&apos; en lugar de sus bytes sin más, y eso se rechaza</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="114"/>
        <source>the server announced {announced} bytes where the official file has {size}; it is not the official file</source>
        <translation>el servidor anunció {announced} bytes cuando el archivo oficial tiene {size}; no es el archivo oficial</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="129"/>
        <source>the server sent more than the {size} bytes of the official file; the download was stopped there</source>
        <translation>el servidor envió más de los {size} bytes del archivo oficial; la descarga se detuvo ahí</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="223"/>
        <source>the downloaded file failed its check: {why}</source>
        <translation>el archivo descargado no superó su comprobación: {why}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="228"/>
        <source>the server sent nothing for {seconds} s</source>
        <translation>el servidor no envió nada durante {seconds} s</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="236"/>
        <source>the downloaded file failed its check: its {algorithm} is not the published {value}; the file is damaged or not the official one</source>
        <translation>el archivo descargado no superó su comprobación: su {algorithm} no es el publicado {value}; el archivo está dañado o no es el oficial</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="243"/>
        <source>Could not download {name} (nothing was kept): {problems}. {advice}</source>
        <translation>No se pudo descargar {name} (no se conservó nada): {problems}. {advice}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="270"/>
        <source>the server answered HTTP {code} ({reason})</source>
        <translation>el servidor respondió HTTP {code} ({reason})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="274"/>
        <source>no answer within {seconds} s</source>
        <translation>sin respuesta en {seconds} s</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="276"/>
        <source>the connection broke off before the file was complete</source>
        <translation>la conexión se cortó antes de que el archivo estuviera completo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="278"/>
        <source>could not connect (no network, or the server is down)</source>
        <translation>no se pudo conectar (no hay red o el servidor no funciona)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="300"/>
        <source>Check that the mirror {mirror} is reachable and holds the official files under their official names.</source>
        <translation>Comprueba que el espejo {mirror} es accesible y contiene los archivos oficiales con sus nombres oficiales.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/download.py" line="306"/>
        <source>Check the network connection, or copy the official files to a folder and import them with `mlpstudio data import {name} FOLDER`.</source>
        <translation>Comprueba la conexión de red, o copia los archivos oficiales a una carpeta e impórtalos con `mlpstudio data import {name} FOLDER`.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/importing.py" line="180"/>
        <source>{actual} bytes where the official {name} has {size}; it is truncated or a different file (nothing was copied)</source>
        <translation>{actual} bytes cuando el {name} oficial tiene {size}; está truncado o es otro archivo (no se copió nada)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/importing.py" line="186"/>
        <source>{actual} bytes where the official {name} has {size}; it is a different file (nothing was copied)</source>
        <translation>{actual} bytes cuando el {name} oficial tiene {size}; es otro archivo (no se copió nada)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/importing.py" line="192"/>
        <source>{actual} bytes where the official {name} has at most {size}; it is a different file (nothing was copied)</source>
        <translation>{actual} bytes cuando el {name} oficial tiene como mucho {size}; es otro archivo (no se copió nada)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/importing.py" line="205"/>
        <source>it grew past {size} bytes while it was copied</source>
        <translation>creció más allá de {size} bytes mientras se copiaba</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="26"/>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="27"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/dataset_cards.py" line="28"/>
        <source>validation</source>
        <translation>validación</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../mlpstudio/gui/display.py" line="106"/>
        <source>MLP Studio cannot open its window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session (or with ssh -X), train without a window with &quot;mlpstudio train&quot;, or check the app without a screen with QT_QPA_PLATFORM=offscreen mlpstudio --smoke.</source>
        <translation>MLP Studio no puede abrir su ventana: no hay pantalla (no están definidas ni DISPLAY ni WAYLAND_DISPLAY). Ábrelo desde una sesión de escritorio (o con ssh -X), entrena sin ventana con «mlpstudio train» o comprueba la aplicación sin pantalla con QT_QPA_PLATFORM=offscreen mlpstudio --smoke.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/display.py" line="116"/>
        <source>MLP Studio cannot open its window: no X server answers on the display {display} (DISPLAY). Check that the desktop session is running and that this user may use it (ssh -X, xhost), or train without a window with &quot;mlpstudio train&quot;.</source>
        <translation>MLP Studio no puede abrir su ventana: ningún servidor X responde en la pantalla {display} (DISPLAY). Comprueba que la sesión de escritorio está en marcha y que este usuario puede usarla (ssh -X, xhost), o entrena sin ventana con «mlpstudio train».</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/display.py" line="125"/>
        <source>MLP Studio cannot open its window on this X11 display: Qt&apos;s xcb platform plugin needs system libraries that are not installed: {libraries}. On Debian or Ubuntu install them with: sudo apt install {packages} (other distributions have packages of similar names).</source>
        <translation>MLP Studio no puede abrir su ventana en esta pantalla X11: el complemento de plataforma xcb de Qt necesita bibliotecas del sistema que no están instaladas: {libraries}. En Debian o Ubuntu, instálalas con: sudo apt install {packages} (otras distribuciones tienen paquetes de nombres parecidos).</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="42"/>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="44"/>
        <source>A crash report was saved to {path}.</source>
        <translation>Se ha guardado un informe del fallo en {path}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="46"/>
        <source>The crash report could not be saved.</source>
        <translation>No se ha podido guardar el informe del fallo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="48"/>
        <source>Something went wrong; your work is still here. This is a bug in MLP Studio: please send the details (Copy details) or the crash report to whoever gave you the app. {where}</source>
        <translation>Algo ha fallado; tu trabajo sigue aquí. Es un error de MLP Studio: envía los detalles (Copiar detalles) o el informe del fallo a quien te dio la aplicación. {where}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="61"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/errors.py" line="63"/>
        <source>Copy the technical details to the clipboard.</source>
        <translation>Copia los detalles técnicos al portapapeles.</translation>
    </message>
</context>
<context>
    <name>ErrorPlot</name>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="33"/>
        <source>parameters (log scale)</source>
        <extracomment>A zero error (a perfect fit) is drawn at this height: a log axis has no zero. Two names closer than this (decades of parameters, decades of error) would overlap.</extracomment>
        <translation>parámetros (escala logarítmica)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="34"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="45"/>
        <source>train error</source>
        <translation>error de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="49"/>
        <source>test error</source>
        <translation>error de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="83"/>
        <source>error (1 - accuracy, log scale)</source>
        <translation>error (1 - exactitud, escala logarítmica)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/error_plot.py" line="85"/>
        <source>error (MSE, log scale)</source>
        <translation>error (MSE, escala logarítmica)</translation>
    </message>
</context>
<context>
    <name>ExperimentController</name>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="151"/>
        <source>data</source>
        <extracomment>The setup panel whose settings caused ``network_error``: &quot;training&quot; for the device and number type, &quot;architecture&quot; for the rest (layers, head, memory). what the window&apos;s visible views draw: a run in the training process sends only that (the window updates it with :meth:`set_needs`) parameter copies of the network&apos;s training so far, epoch by epoch (thinned) (run id, epoch) asked of the training process for the replay, while it is on its way</extracomment>
        <translation>los datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="151"/>
        <source>architecture</source>
        <translation>la arquitectura</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="625"/>
        <source>Training will run inside the app instead.</source>
        <translation>El entrenamiento se ejecutará dentro de la aplicación.</translation>
    </message>
</context>
<context>
    <name>ExperimentFiles</name>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="90"/>
        <source>Open experiment</source>
        <translation>Abrir experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="91"/>
        <source>MLP Studio experiments (*.mlpx);;All files (*)</source>
        <translation>Experimentos de MLP Studio (*.mlpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="98"/>
        <source>Cannot open the experiment</source>
        <translation>No se puede abrir el experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="99"/>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="125"/>
        <source>Save experiment</source>
        <translation>Guardar experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="126"/>
        <source>MLP Studio experiments (*.mlpx)</source>
        <translation>Experimentos de MLP Studio (*.mlpx)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="39"/>
        <location filename="../../mlpstudio/gui/files.py" line="139"/>
        <location filename="../../mlpstudio/gui/files.py" line="145"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="105"/>
        <source>The stored copy of the CSV file could not be written: {reason}</source>
        <translation>No se pudo escribir la copia guardada del archivo CSV: {reason}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="140"/>
        <source>Stop or finish the training first.</source>
        <translation>Primero detén o termina el entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="146"/>
        <source>There is no network to save: fix the data first.</source>
        <translation>No hay ninguna red que guardar: primero corrige los datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="155"/>
        <source>Save failed</source>
        <translation>Error al guardar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="156"/>
        <location filename="../../mlpstudio/gui/files.py" line="215"/>
        <source>{file} was not written: {reason}</source>
        <translation>No se ha escrito {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="161"/>
        <source>Saved {file}</source>
        <translation>Guardado: {file}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="165"/>
        <source>{file} is larger than {cap} MB, so the experiment refers to it by its path instead of holding a copy: keep the file beside the experiment.</source>
        <translation>{file} ocupa más de {cap} MB, así que el experimento lo referencia por su ruta en lugar de guardar una copia: conserva el archivo junto al experimento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="218"/>
        <source>Wrote {file}</source>
        <translation>Escrito: {file}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="224"/>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="225"/>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="233"/>
        <source>Export NumPy script</source>
        <translation>Exportar script de NumPy</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="234"/>
        <location filename="../../mlpstudio/gui/files.py" line="238"/>
        <source>Python script (*.py)</source>
        <translation>Script de Python (*.py)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="237"/>
        <source>Export PyTorch script</source>
        <translation>Exportar script de PyTorch</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="247"/>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="248"/>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="33"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="34"/>
        <source>Start again from the course example.</source>
        <translation>Empieza de nuevo desde el ejemplo del curso.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="35"/>
        <source>Open...</source>
        <translation>Abrir...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="37"/>
        <source>Open a saved experiment (.mlpx) to look at it or go on training it.</source>
        <translation>Abre un experimento guardado (.mlpx) para verlo o seguir entrenándolo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="40"/>
        <source>Save the experiment: settings, weights and curves.</source>
        <translation>Guarda el experimento: configuración, pesos y curvas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="41"/>
        <source>Save as...</source>
        <translation>Guardar como...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="43"/>
        <source>Open recent</source>
        <translation>Abrir reciente</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="44"/>
        <source>History (CSV)...</source>
        <translation>Historial (CSV)...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="45"/>
        <source>NumPy script...</source>
        <translation>Script de NumPy...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="48"/>
        <source>A Python script that repeats this experiment with numpy only, to read or continue in a notebook.</source>
        <translation>Un script de Python que repite este experimento solo con numpy, para leerlo o continuarlo en un cuaderno (notebook).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="52"/>
        <source>PyTorch script...</source>
        <translation>Script de PyTorch...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="53"/>
        <source>The same experiment written with PyTorch.</source>
        <translation>El mismo experimento escrito con PyTorch.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="54"/>
        <source>Report (HTML)...</source>
        <translation>Informe (HTML)...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/files.py" line="56"/>
        <source>One web page with the figures, the settings and the results, to hand in.</source>
        <translation>Una página web con las figuras, la configuración y los resultados, para entregar.</translation>
    </message>
</context>
<context>
    <name>FirstLayerView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="32"/>
        <source>&lt;b&gt;First layer&lt;/b&gt;: each unit&apos;s weights as an image</source>
        <translation>&lt;b&gt;Primera capa&lt;/b&gt;: los pesos de cada neurona como imagen</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="34"/>
        <source>from unit </source>
        <translation>desde la neurona </translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="36"/>
        <source>Which units to show, 64 at a time.</source>
        <translation>Qué neuronas mostrar, de 64 en 64.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="55"/>
        <source> of {n}</source>
        <translation> de {n}</translation>
    </message>
</context>
<context>
    <name>Formula</name>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="76"/>
        <source>attribute access with &apos;.&apos;</source>
        <extracomment>Allowed functions: name -&gt; (numpy function, number of arguments). The comparisons a class condition may use (``==`` is useless on real numbers).</extracomment>
        <translation>el acceso a atributos con &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="77"/>
        <source>indexing with [ ]</source>
        <translation>la indexación con [ ]</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="78"/>
        <source>a lambda</source>
        <translation>una lambda</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="79"/>
        <source>a comparison</source>
        <translation>una comparación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="80"/>
        <source>&apos;and&apos; / &apos;or&apos;</source>
        <translation>&apos;and&apos; / &apos;or&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="81"/>
        <source>&apos;if ... else&apos;</source>
        <translation>&apos;if ... else&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="82"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="83"/>
        <source>a tuple (a stray comma?)</source>
        <translation>una tupla (¿sobra una coma?)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="84"/>
        <source>a dictionary</source>
        <translation>un diccionario</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="85"/>
        <source>a set</source>
        <translation>un conjunto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="86"/>
        <location filename="../../mlpstudio/data/expr.py" line="87"/>
        <location filename="../../mlpstudio/data/expr.py" line="88"/>
        <location filename="../../mlpstudio/data/expr.py" line="89"/>
        <source>a comprehension</source>
        <translation>una comprensión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="90"/>
        <source>an &apos;:=&apos; assignment</source>
        <translation>una asignación &apos;:=&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="91"/>
        <source>&apos;*&apos; unpacking</source>
        <translation>el desempaquetado con &apos;*&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="92"/>
        <location filename="../../mlpstudio/data/expr.py" line="332"/>
        <source>text in quotes</source>
        <translation>texto entre comillas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="93"/>
        <source>&apos;await&apos;</source>
        <translation>&apos;await&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="94"/>
        <location filename="../../mlpstudio/data/expr.py" line="95"/>
        <source>&apos;yield&apos;</source>
        <translation>&apos;yield&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="96"/>
        <source>a slice</source>
        <translation>una rebanada (slice)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="99"/>
        <source>&apos;^&apos; is not a power here: write x**2 for x squared</source>
        <translation>&apos;^&apos; no es una potencia aquí: escribe x**2 para x al cuadrado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="100"/>
        <source>&apos;%&apos; is not allowed</source>
        <translation>&apos;%&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="101"/>
        <source>&apos;//&apos; is not allowed: use floor(a / b)</source>
        <translation>&apos;//&apos; no está permitido: usa floor(a / b)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="102"/>
        <source>&apos;@&apos; is not allowed</source>
        <translation>&apos;@&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="103"/>
        <source>&apos;&amp;&apos; is not allowed</source>
        <translation>&apos;&amp;&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="104"/>
        <source>&apos;|&apos; is not allowed</source>
        <translation>&apos;|&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="105"/>
        <source>&apos;&lt;&lt;&apos; is not allowed</source>
        <translation>&apos;&lt;&lt;&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="106"/>
        <source>&apos;&gt;&gt;&apos; is not allowed</source>
        <translation>&apos;&gt;&gt;&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="107"/>
        <source>&apos;~&apos; is not allowed</source>
        <translation>&apos;~&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="108"/>
        <source>&apos;not&apos; is not allowed</source>
        <translation>&apos;not&apos; no está permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="169"/>
        <source>The formula must be text.</source>
        <extracomment>The key under which :meth:`Formula.undefined` collects the comparisons&apos; undefined points (no variable name holds a NUL).</extracomment>
        <translation>La fórmula debe ser texto.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="172"/>
        <source>The formula is too long ({n} characters; at most {limit}).</source>
        <translation>La fórmula es demasiado larga ({n} caracteres; como máximo {limit}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="181"/>
        <source>Type a formula in {variables}, for example {example}.</source>
        <translation>Escribe una fórmula en {variables}, por ejemplo {example}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="194"/>
        <source>The formula cannot be read: {reason}.</source>
        <translation>No se puede leer la fórmula: {reason}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="227"/>
        <source>the formula ends too early: something is missing after &apos;{char}&apos;</source>
        <translation>la fórmula termina antes de tiempo: falta algo después de &apos;{char}&apos;</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="231"/>
        <source>an opening parenthesis &apos;(&apos; was never closed</source>
        <translation>un paréntesis de apertura &apos;(&apos; no se ha cerrado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="233"/>
        <source>a closing parenthesis &apos;)&apos; is unmatched</source>
        <translation>un paréntesis de cierre &apos;)&apos; no tiene pareja</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="235"/>
        <source>the text contains null bytes</source>
        <translation>el texto contiene bytes nulos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="237"/>
        <source>invalid syntax</source>
        <translation>sintaxis no válida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="239"/>
        <source>(write 3*x, not 3x: multiplication needs &apos;*&apos;)</source>
        <translation>(escribe 3*x, no 3x: la multiplicación necesita &apos;*&apos;)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="241"/>
        <source>Syntax error at character {n}: {message}.</source>
        <translation>Error de sintaxis en el carácter {n}: {message}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="257"/>
        <source>(character {n})</source>
        <translation>(carácter {n})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="265"/>
        <location filename="../../mlpstudio/data/expr.py" line="312"/>
        <source>The formula is nested too deeply (more than {n})</source>
        <translation>La fórmula tiene demasiados niveles de anidamiento (más de {n})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="283"/>
        <source>A condition needs a comparison such as x1**2 + x2**2 &lt; 0.5</source>
        <translation>Una condición necesita una comparación como x1**2 + x2**2 &lt; 0.5</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="290"/>
        <source>Only the comparisons &lt; &lt;= &gt; &gt;= are allowed</source>
        <translation>Solo se permiten las comparaciones &lt; &lt;= &gt; &gt;=</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="322"/>
        <location filename="../../mlpstudio/data/expr.py" line="404"/>
        <source>{what} is not allowed in a formula</source>
        <translation>{what} no se permite en una fórmula</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="337"/>
        <source>Only numbers are allowed, not {kind}</source>
        <translation>Solo se permiten números, no {kind}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="343"/>
        <source>A number in the formula is too large</source>
        <translation>Un número de la fórmula es demasiado grande</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="358"/>
        <source>&apos;{name}&apos; is a function: write {name}(...)</source>
        <translation>&apos;{name}&apos; es una función: escribe {name}(...)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="363"/>
        <source>; did you mean &apos;{name}&apos;?</source>
        <translation>; ¿querías decir &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="367"/>
        <source>Unknown name &apos;{name}&apos;: the formula may use {allowed}</source>
        <translation>Nombre desconocido &apos;{name}&apos;: la fórmula puede usar {allowed}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="381"/>
        <location filename="../../mlpstudio/data/expr.py" line="394"/>
        <source>Operator not allowed</source>
        <translation>Operador no permitido</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="410"/>
        <source>Only functions from the list may be called, by name</source>
        <translation>Solo se pueden llamar funciones de la lista, por su nombre</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="416"/>
        <source>Did you mean &apos;{name}&apos;?</source>
        <translation>¿Querías decir &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="422"/>
        <source>&apos;{name}&apos; is not an allowed function.</source>
        <translation>&apos;{name}&apos; no es una función permitida.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="427"/>
        <source>Allowed: {functions}</source>
        <translation>Permitidas: {functions}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="434"/>
        <source>{name}() takes positional arguments only (no name=value)</source>
        <translation>{name}() solo admite argumentos posicionales (sin nombre=valor)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="441"/>
        <source>{name}() takes 1 argument, not {given}</source>
        <translation>{name}() recibe 1 argumento, no {given}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="443"/>
        <source>{name}() takes {n} arguments, not {given}</source>
        <translation>{name}() recibe {n} argumentos, no {given}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/expr.py" line="464"/>
        <source>Variables: {variables}. Constants: pi, e. Operators: + - * / ** and parentheses. Functions: {functions}.</source>
        <translation>Variables: {variables}. Constantes: pi, e. Operadores: + - * / ** y paréntesis. Funciones: {functions}.</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="195"/>
        <source>&lt;b&gt;Samples&lt;/b&gt; of the data</source>
        <translation>&lt;b&gt;Muestras&lt;/b&gt; de los datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="196"/>
        <source>&lt;b&gt;Test images&lt;/b&gt;: true label, prediction and confidence</source>
        <translation>&lt;b&gt;Imágenes de test&lt;/b&gt;: etiqueta real, predicción y confianza</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="202"/>
        <source>All test images</source>
        <translation>Todas las imágenes de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="203"/>
        <source>Mistakes only</source>
        <translation>Solo los errores</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="204"/>
        <source>Confusion cell</source>
        <translation>Celda de la matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="207"/>
        <source>Which test images to show; click a cell of the confusion matrix to see the images behind it.</source>
        <translation>Qué imágenes de test mostrar; haz clic en una celda de la matriz de confusión para ver las imágenes que hay detrás.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="218"/>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="221"/>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="223"/>
        <source>Next mistake</source>
        <translation>Siguiente error</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="225"/>
        <source>Jump to the next test image the network gets wrong.</source>
        <translation>Salta a la siguiente imagen de test que la red clasifica mal.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="371"/>
        <source>{true} → {pred} ({conf})</source>
        <translation>{true} → {pred} ({conf})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="377"/>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} de {total}</translation>
    </message>
</context>
<context>
    <name>Heads</name>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="113"/>
        <source>Linear + mean squared error</source>
        <translation>Lineal + error cuadrático medio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="121"/>
        <source>mean squared error</source>
        <translation>error cuadrático medio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="122"/>
        <source>identity (linear output)</source>
        <translation>identidad (salida lineal)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="126"/>
        <source>Softmax + cross-entropy</source>
        <translation>Softmax + entropía cruzada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="134"/>
        <source>cross-entropy</source>
        <translation>entropía cruzada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="146"/>
        <source>binary cross-entropy</source>
        <translation>entropía cruzada binaria</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="135"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="139"/>
        <source>Sigmoid + binary cross-entropy</source>
        <translation>Sigmoide + entropía cruzada binaria</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="147"/>
        <source>sigmoid</source>
        <translation>sigmoide</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="35"/>
        <source>&lt;b&gt;Gradients&lt;/b&gt; and idle units</source>
        <extracomment>the plots&apos; &quot;epoch&quot; titles show when the view is at least this many lines of text high</extracomment>
        <translation>&lt;b&gt;Gradientes&lt;/b&gt; y unidades inactivas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="46"/>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="50"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="107"/>
        <source>output</source>
        <extracomment>the two plots side by side in a wide, low dock, one above the other in a tall one the newest epoch a snapshot of this experiment brought; an older one is the timeline&apos;s replay, marked on both plots (the curves show the whole run)</extracomment>
        <translation>salida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="107"/>
        <source>layer {l}</source>
        <translation>capa {l}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="133"/>
        <source>The mean |dL/dW| of each layer per epoch (log scale): a layer far below the others has stopped learning.</source>
        <translation>La media de |dL/dW| de cada capa por época (escala logarítmica): una capa muy por debajo de las demás ha dejado de aprender.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="139"/>
        <source>The share of each hidden layer&apos;s units that are dead (ReLU output 0 on every sample, solid) or saturated (tanh or sigmoid stuck at their limits, dashed), in %.</source>
        <translation>La proporción de neuronas de cada capa oculta que están muertas (salida ReLU 0 en todas las muestras, línea continua) o saturadas (tanh o sigmoide fijas en sus límites, discontinua), en %.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="149"/>
        <source>dead</source>
        <translation>muertas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/health_view.py" line="149"/>
        <source>saturated</source>
        <translation>saturadas</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="137"/>
        <source>No images</source>
        <translation>No hay imágenes</translation>
    </message>
</context>
<context>
    <name>Inits</name>
    <message>
        <location filename="../../mlpstudio/core/inits.py" line="19"/>
        <source>Automatic (He for ReLU, Glorot otherwise)</source>
        <translation>Automática (He para ReLU, Glorot en los demás casos)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/inits.py" line="49"/>
        <source>He (normal, std = sqrt(2 / N_in))</source>
        <translation>He (normal, desv. típica = sqrt(2 / N_in))</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/inits.py" line="56"/>
        <source>Glorot (uniform, limit = sqrt(6 / (N_in + N_out)))</source>
        <translation>Glorot (uniforme, límite = sqrt(6 / (N_in + N_out)))</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/inits.py" line="63"/>
        <source>LeCun (normal, std = sqrt(1 / N_in))</source>
        <translation>LeCun (normal, desv. típica = sqrt(1 / N_in))</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <location filename="../../mlpstudio/core/insight.py" line="206"/>
        <source>layer {layer}: gradient {ratio} times smaller than the output layer&apos;s (vanishing gradient); try ReLU, Adam or fewer layers</source>
        <extracomment>A unit counts as saturated when it is saturated on at least this share of the samples. a layer whose mean |dL/dW| is this many times smaller than the output layer&apos;s has a vanishing gradient a run that ends with its training loss above this share of the untrained network&apos;s has hardly learned (see :func:`learning_verdict`) the epochs at the end of a run whose best training loss :func:`learning_verdict` judges (a single spike of the loss is no verdict) the memory a run&apos;s timeline may take (its parameter copies), in the app and in the child the most a saved experiment&apos;s timeline may take in its file (thinned to fit when saved)</extracomment>
        <translation>capa {layer}: gradiente {ratio} veces menor que el de la capa de salida (gradiente que se desvanece); prueba ReLU, Adam o menos capas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/insight.py" line="217"/>
        <source>layer {layer}: {count} of {units} units dead (ReLU output 0 on every sample); try a smaller learning rate, Leaky ReLU or another initialisation</source>
        <translation>capa {layer}: {count} de {units} neuronas muertas (la salida ReLU es 0 en todas las muestras); prueba una tasa de aprendizaje menor, Leaky ReLU u otra inicialización</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/insight.py" line="223"/>
        <source>layer {layer}: {count} of {units} units saturated; try a smaller learning rate or ReLU</source>
        <translation>capa {layer}: {count} de {units} neuronas saturadas; prueba una tasa de aprendizaje menor o ReLU</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/insight.py" line="269"/>
        <source>The network did not learn: over its last {n} epochs the training loss stayed above the untrained network&apos;s {start} (at best {now}). The steps overshoot: try a learning rate 10 times smaller ({lr} now).</source>
        <extracomment>the final states of a run whose training loss :func:`learning_verdict_text` judges (a diverged run has its own message)</extracomment>
        <translation>La red no ha aprendido: en sus últimas {n} épocas la pérdida de entrenamiento siguió por encima de la de la red sin entrenar, {start} (como mucho bajó a {now}). Los pasos se pasan de largo: prueba una tasa de aprendizaje 10 veces menor (ahora {lr}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/insight.py" line="276"/>
        <source>The network has hardly learned: over its last {n} epochs the training loss was at best {now}, within {share} % of the untrained network&apos;s {start}. Train longer, or try a larger learning rate ({lr} now) or Adam.</source>
        <translation>La red apenas ha aprendido: en sus últimas {n} épocas la pérdida de entrenamiento fue como mucho {now}, a menos de un {share} % de la de la red sin entrenar, {start}. Entrena más épocas o prueba una tasa de aprendizaje mayor (ahora {lr}) o Adam.</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="113"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="130"/>
        <source>Cancelling...</source>
        <translation>Cancelando...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/datasets.py" line="137"/>
        <source>{file}: {done} of {total}</source>
        <translation>{file}: {done} de {total}</translation>
    </message>
</context>
<context>
    <name>LabActions</name>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="155"/>
        <source>Copy lab as text</source>
        <translation>Copiar práctica como texto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="157"/>
        <source>The open lab as one line of text, for a chat or a slide.</source>
        <translation>La práctica abierta como una línea de texto, para un chat o una diapositiva.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="162"/>
        <source>Paste lab...</source>
        <translation>Pegar práctica...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="164"/>
        <source>Open a lab from the text your teacher sent.</source>
        <translation>Abrir una práctica desde el texto que te envió tu profesor.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="167"/>
        <source>Submit result...</source>
        <translation>Enviar resultado...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="169"/>
        <source>Send your network&apos;s result to the lab&apos;s results folder.</source>
        <translation>Enviar el resultado de tu red a la carpeta de resultados de la práctica.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="176"/>
        <source>Class board...</source>
        <translation>Panel de la clase...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="179"/>
        <source>Everyone&apos;s submitted results for a lab: test error against parameters.</source>
        <translation>Los resultados enviados por todos para una práctica: error de test frente a parámetros.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="199"/>
        <source>Cannot copy the lab</source>
        <translation>No se puede copiar la práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="215"/>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="277"/>
        <source>Cannot open the lab</source>
        <translation>No se puede abrir la práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="226"/>
        <source>Cannot submit the result</source>
        <translation>No se puede enviar el resultado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="238"/>
        <source>Choose the results folder your teacher gave.</source>
        <translation>Elige la carpeta de resultados que te indicó tu profesor.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="252"/>
        <source>Result submitted as {file}.</source>
        <translation>Resultado enviado como {file}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="266"/>
        <source>Class board: choose the lab</source>
        <translation>Panel de la clase: elige la práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="268"/>
        <source>Lab files (*.toml)</source>
        <translation>Archivos de práctica (*.toml)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="284"/>
        <source>Results folder</source>
        <translation>Carpeta de resultados</translation>
    </message>
</context>
<context>
    <name>LabTextDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="51"/>
        <source>Paste lab</source>
        <translation>Pegar práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="51"/>
        <source>Lab as text</source>
        <translation>Práctica como texto</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="55"/>
        <source>Paste the text of a lab (it starts with {prefix}).</source>
        <translation>Pega el texto de una práctica (empieza por {prefix}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="58"/>
        <source>Send this text in a chat or put it on a slide; students open it with File &gt; Paste lab. A checksum at its end refuses a text changed on the way.</source>
        <translation>Envía este texto por un chat o ponlo en una diapositiva; los estudiantes lo abren con Archivo &gt; Pegar práctica. Una suma de control al final rechaza un texto que haya cambiado por el camino.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="81"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>LabView</name>
    <message>
        <location filename="../../mlpstudio/gui/lab_view.py" line="42"/>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_view.py" line="47"/>
        <source>Ticked when the current network meets the goal.</source>
        <translation>Se marca cuando la red actual cumple el objetivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_view.py" line="54"/>
        <source>Submit result...</source>
        <translation>Enviar resultado...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_view.py" line="55"/>
        <source>Send your network&apos;s result to the lab&apos;s results folder.</source>
        <translation>Enviar el resultado de tu red a la carpeta de resultados de la práctica.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_view.py" line="78"/>
        <source>(now {value})</source>
        <translation>(ahora {value})</translation>
    </message>
</context>
<context>
    <name>Labs</name>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="47"/>
        <source>Number of parameters</source>
        <extracomment>Goal metrics: the keys of ``mlpstudio train --json`` a goal may test, with their labels.</extracomment>
        <translation>Número de parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="48"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="49"/>
        <source>Training time (s)</source>
        <translation>Tiempo de entrenamiento (s)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="50"/>
        <source>Train loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="51"/>
        <source>Test loss</source>
        <translation>Pérdida de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="52"/>
        <source>Test MSE</source>
        <translation>MSE de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="53"/>
        <source>Test R2</source>
        <translation>R2 de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="54"/>
        <source>Train R2</source>
        <translation>R2 de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="55"/>
        <source>Test accuracy</source>
        <translation>Exactitud de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="56"/>
        <source>Train accuracy</source>
        <translation>Exactitud de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="71"/>
        <source>{metric} below {value}</source>
        <extracomment>Comparison keys of a goal: name -&gt; the test it makes.</extracomment>
        <translation>{metric} por debajo de {value}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="72"/>
        <source>{metric} above {value}</source>
        <translation>{metric} por encima de {value}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="73"/>
        <source>{metric} at most {value}</source>
        <translation>{metric} de {value} como máximo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="74"/>
        <source>{metric} at least {value}</source>
        <translation>{metric} de {value} como mínimo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="77"/>
        <source>Fewer than {value} parameters</source>
        <translation>Menos de {value} parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="78"/>
        <source>More than {value} parameters</source>
        <translation>Más de {value} parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="79"/>
        <source>At most {value} parameters</source>
        <translation>Como máximo {value} parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="80"/>
        <source>At least {value} parameters</source>
        <translation>Como mínimo {value} parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="81"/>
        <source>Fewer than {value} epochs</source>
        <translation>Menos de {value} épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="82"/>
        <source>More than {value} epochs</source>
        <translation>Más de {value} épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="83"/>
        <source>At most {value} epochs</source>
        <translation>Como máximo {value} épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/labs.py" line="84"/>
        <source>At least {value} epochs</source>
        <translation>Como mínimo {value} épocas</translation>
    </message>
</context>
<context>
    <name>Locks</name>
    <message>
        <location filename="../../mlpstudio/gui/locks.py" line="21"/>
        <source>Locked by the lab file.</source>
        <translation>Bloqueado por el archivo de la práctica.</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="61"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="238"/>
        <source>&lt;b&gt;Loss&lt;/b&gt; per epoch</source>
        <extracomment>Before the first epoch ends each curve is one point (the untrained network&apos;s loss): the y axis then spans this many decades around it (log scale), or 0 to twice it (linear), not the few thousandths between the train and test losses.</extracomment>
        <translation>&lt;b&gt;Pérdida&lt;/b&gt; por época</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="62"/>
        <source>Log scale</source>
        <translation>Escala log.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="64"/>
        <source>Show the loss on a logarithmic axis: late, small improvements stay visible.</source>
        <translation>Muestra la pérdida en un eje logarítmico: las mejoras pequeñas y tardías siguen siendo visibles.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="70"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="103"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="71"/>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="80"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="109"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="135"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="81"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="110"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="136"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="99"/>
        <source>No network for the current data yet: its curves appear here when it trains.</source>
        <translation>Todavía no hay red para los datos actuales: sus curvas aparecerán aquí cuando se entrene.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="104"/>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="150"/>
        <source>One point per epoch: the curves start when the first epoch ends.</source>
        <translation>Un punto por época: las curvas empiezan al terminar la primera época.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="232"/>
        <source>The loss: {loss}.</source>
        <translation>La pérdida: {loss}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="234"/>
        <source>&lt;b&gt;Loss&lt;/b&gt; and &lt;b&gt;accuracy&lt;/b&gt; per epoch</source>
        <translation>&lt;b&gt;Pérdida&lt;/b&gt; y &lt;b&gt;exactitud&lt;/b&gt; por época</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="236"/>
        <source>&lt;b&gt;Loss&lt;/b&gt; per epoch: {loss}</source>
        <translation>&lt;b&gt;Pérdida&lt;/b&gt; por época: {loss}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="138"/>
        <source>validation</source>
        <translation>validación</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="33"/>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="281"/>
        <source>MLP Studio</source>
        <translation>MLP Studio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="60"/>
        <source>These settings cannot be shown exactly in the panels: {keys}. They are used as they are; editing the panels replaces them with what is shown.</source>
        <translation>Estos ajustes no se pueden mostrar con exactitud en los paneles: {keys}. Se usan tal cual; al editar los paneles se sustituyen por lo que se muestra.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="105"/>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="276"/>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="110"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="114"/>
        <source>Train exactly one mini-batch, then pause (S).</source>
        <translation>Entrena exactamente un minilote y luego se pausa (S).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="120"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="123"/>
        <source>Stop training; Continue carries on from here.</source>
        <translation>Detiene el entrenamiento; Continuar sigue desde aquí.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="129"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="133"/>
        <source>Throw the training away: new random weights from the seed, empty history (R).</source>
        <translation>Descarta el entrenamiento: nuevos pesos aleatorios a partir de la semilla e historial vacío (R).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="140"/>
        <source>Presentation mode</source>
        <translation>Modo presentación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="144"/>
        <source>Larger fonts and thicker lines for a projector (F5).</source>
        <translation>Letra más grande y líneas más gruesas para un proyector (F5).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="150"/>
        <source>Preferences...</source>
        <translation>Preferencias...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="154"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="160"/>
        <location filename="../../mlpstudio/gui/window_layout.py" line="517"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="56"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="57"/>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="58"/>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="59"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="60"/>
        <source>First layer</source>
        <translation>Primera capa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="61"/>
        <source>Accuracy per class</source>
        <translation>Exactitud por clase</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="62"/>
        <source>Hidden units</source>
        <translation>Unidades ocultas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="63"/>
        <source>Gradients and units</source>
        <translation>Gradientes y unidades</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="64"/>
        <source>Shapes</source>
        <translation>Formas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="65"/>
        <source>Neuron</source>
        <translation>Neurona</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="69"/>
        <source>Confusion</source>
        <translation>Confusión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="70"/>
        <source>Per class</source>
        <translation>Por clase</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="71"/>
        <source>Gradients</source>
        <translation>Gradientes</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="66"/>
        <source>Backpropagation</source>
        <translation>Retropropagación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="72"/>
        <source>Backprop</source>
        <translation>Retroprop.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="515"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="516"/>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="520"/>
        <source>Experiment</source>
        <translation>Experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="526"/>
        <source>Lab</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="542"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="550"/>
        <source>Import CSV...</source>
        <translation>Importar CSV...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="553"/>
        <source>Train on a table of your own (a CSV file).</source>
        <translation>Entrena con una tabla propia (un archivo CSV).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="557"/>
        <source>Open lab...</source>
        <translation>Abrir práctica...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="560"/>
        <source>Open a lab file from your teacher: a starting experiment with goals to reach.</source>
        <translation>Abre un archivo de práctica de tu profesor: un experimento inicial con objetivos que alcanzar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="566"/>
        <source>Example labs</source>
        <translation>Prácticas de ejemplo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="571"/>
        <source>Close lab</source>
        <translation>Cerrar práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="574"/>
        <source>Leave the lab: its goals and locks go away; the settings stay as they are.</source>
        <translation>Salir de la práctica: desaparecen sus objetivos y bloqueos; los ajustes se quedan como están.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="583"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="588"/>
        <source>Datasets...</source>
        <translation>Conjuntos de datos...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="591"/>
        <source>Download, import and check the image datasets.</source>
        <translation>Descarga, importa y comprueba los conjuntos de datos de imágenes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="599"/>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="604"/>
        <source>Compare architectures...</source>
        <translation>Comparar arquitecturas...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="608"/>
        <source>Train several architectures on the same data and compare how well they fit and generalise.</source>
        <translation>Entrena varias arquitecturas con los mismos datos y compara lo bien que ajustan y generalizan.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="615"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="621"/>
        <source>Reset layout</source>
        <translation>Restablecer disposición</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="623"/>
        <source>Put every panel and view back where it started.</source>
        <translation>Devuelve cada panel y cada vista a su posición inicial.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="628"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="630"/>
        <location filename="../../mlpstudio/gui/window_layout.py" line="670"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="633"/>
        <location filename="../../mlpstudio/gui/window_layout.py" line="681"/>
        <source>About MLP Studio</source>
        <translation>Acerca de MLP Studio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="52"/>
        <source>Cannot load the settings</source>
        <translation>No se pueden cargar los ajustes</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="53"/>
        <source>The {what} has settings the panels cannot show exactly: {keys}. Nothing was loaded, so that no setting is silently changed; edit the file so that these values are within what the panels offer.</source>
        <translation>{what} tiene ajustes que los paneles no pueden mostrar con exactitud: {keys}. No se ha cargado nada, para que ningún ajuste cambie sin avisar; edita el archivo para que estos valores estén dentro de lo que ofrecen los paneles.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="84"/>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="161"/>
        <source>experiment</source>
        <translation>El experimento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="133"/>
        <source>Loaded the defaults of “{task}”: hidden layers {hidden}, {epochs} epochs, batch size {batch}.</source>
        <translation>Cargados los valores por defecto de «{task}»: capas ocultas {hidden}, {epochs} épocas, tamaño de lote {batch}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="145"/>
        <source>Images per split: {n}.</source>
        <translation>Imágenes por conjunto: {n}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="149"/>
        <source>Images per split: all (choose a subset for a slow computer).</source>
        <translation>Imágenes por conjunto: todas (elige un subconjunto en un ordenador lento).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="173"/>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="197"/>
        <source>The experiment&apos;s data is not available: {reason}</source>
        <translation>Los datos del experimento no están disponibles: {reason}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="226"/>
        <source>Open lab</source>
        <translation>Abrir práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="228"/>
        <source>Lab files (*.toml)</source>
        <translation>Archivos de práctica (*.toml)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="236"/>
        <source>Cannot open the lab</source>
        <translation>No se puede abrir la práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_experiment.py" line="243"/>
        <source>lab</source>
        <translation>La práctica</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="76"/>
        <source>Files from the folder {folder}</source>
        <translation>Archivos de la carpeta {folder}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="135"/>
        <source>GPU (CuPy)</source>
        <translation>GPU (CuPy)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="137"/>
        <source>CPU (NumPy)</source>
        <translation>CPU (NumPy)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="263"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="266"/>
        <source>Pause training (Space).</source>
        <translation>Pausa el entrenamiento (Espacio).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="271"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="274"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="282"/>
        <source>{action} (Space).</source>
        <translation>{action} (Espacio).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="300"/>
        <source>Fix the training settings to train: see the message above the views (Training panel).</source>
        <translation>Corrige los ajustes de entrenamiento para poder entrenar: mira el mensaje encima de las vistas (panel Entrenamiento).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="306"/>
        <source>Fix the architecture to train: see the message above the views (Architecture panel).</source>
        <translation>Corrige la arquitectura para poder entrenar: mira el mensaje encima de las vistas (panel Arquitectura).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="312"/>
        <source>Fix the data to train: see the message in the Data panel.</source>
        <translation>Corrige los datos para poder entrenar: mira el mensaje del panel Datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="316"/>
        <source>Ready: {train} training and {test} test points. Press Train (Space).</source>
        <translation>Listo: {train} puntos de entrenamiento y {test} de test. Pulsa Entrenar (Espacio).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="324"/>
        <source>The {what} changed: the last result no longer applies. Press Train (Space) to build and train the new network.</source>
        <translation>Ha habido cambios en {what}: el último resultado ya no vale. Pulsa Entrenar (Espacio) para construir y entrenar la nueva red.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="330"/>
        <source>Training: epoch {epoch} of {total}.</source>
        <translation>Entrenando: época {epoch} de {total}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="334"/>
        <source>Paused at epoch {epoch}, step {step}. Space resumes, S takes one more step.</source>
        <translation>En pausa en la época {epoch}, paso {step}. Espacio reanuda; S da un paso más.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="339"/>
        <source>Mean mini-batch loss so far in this epoch: {loss} ({n} of {total} batches).</source>
        <translation>Pérdida media de los minilotes de esta época hasta ahora: {loss} ({n} de {total} lotes).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="350"/>
        <source>Finished {epochs} epochs in {seconds} s. {result}</source>
        <translation>Terminadas {epochs} épocas en {seconds} s. {result}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="364"/>
        <source>Training ended with an error at epoch {epoch}: {message}</source>
        <translation>El entrenamiento terminó con un error en la época {epoch}: {message}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="368"/>
        <source>The loss became NaN or infinite: the learning rate ({lr}) is probably too high. Training stopped and the weights from epoch {epoch} were kept; lower the learning rate and reset.</source>
        <translation>La pérdida se ha vuelto NaN o infinita: probablemente la tasa de aprendizaje ({lr}) es demasiado alta. El entrenamiento se ha detenido y se han conservado los pesos de la época {epoch}; baja la tasa de aprendizaje y reinicia.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="383"/>
        <source>Test loss {loss}, test accuracy {acc}.</source>
        <translation>En test: pérdida {loss}, exactitud {acc}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="386"/>
        <source>Test MSE {loss}, test R² {r2}.</source>
        <translation>En test: MSE {loss}, R² {r2}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="354"/>
        <source>Stopped early at epoch {epoch}: the validation loss stopped improving; the best weights (epoch {best}) were kept. {result}</source>
        <translation>Parada temprana en la época {epoch}: la pérdida de validación dejó de mejorar; se han conservado los mejores pesos (época {best}). {result}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="360"/>
        <source>Stopped at epoch {epoch}. {result}</source>
        <translation>Detenido en la época {epoch}. {result}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="392"/>
        <source>The {what} changed, so the trained network no longer matches it. Reset to build and train the new network (Train also resets).</source>
        <translation>Ha habido cambios en {what}, así que la red entrenada ya no se corresponde. Reinicia para construir y entrenar la nueva red (Entrenar también reinicia).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="397"/>
        <source>Reset now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_presenter.py" line="406"/>
        <source>Problem: {message}</source>
        <translation>Problema: {message}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="671"/>
        <source>Space: train / pause / resume
S: one training step (mini-batch)
R: reset the network
F5: presentation mode
Ctrl+Q: quit</source>
        <translation>Espacio: entrenar / pausar / reanudar
S: un paso de entrenamiento (minilote)
R: reiniciar la red
F5: modo presentación
Ctrl+Q: salir</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/window_layout.py" line="682"/>
        <source>MLP Studio {version}
Build, train and compare multilayer perceptrons.</source>
        <translation>MLP Studio {version}
Construye, entrena y compara perceptrones multicapa.</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="111"/>
        <source>The network {sizes} ({params} parameters)</source>
        <translation>La red {sizes} ({params} parámetros)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="114"/>
        <source>Use fewer or narrower hidden layers.</source>
        <translation>Usa menos capas ocultas o capas más estrechas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="362"/>
        <source>The {name} optimiser&apos;s state for {params} parameters</source>
        <extracomment>:meth:`Optimizer.step` flushes the state&apos;s near-subnormal entries every this many steps the entry&apos;s options (values given for other entries&apos; options are not its business) the threads a step&apos;s elementwise work is spread over (one on the GPU) per buffer, the magnitude below which its entries become zero every FLUSH_EVERY steps (none on the GPU)</extracomment>
        <translation>El estado del optimizador {name} para {params} parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="365"/>
        <source>Use fewer or narrower hidden layers, or plain SGD.</source>
        <translation>Usa menos capas ocultas o capas más estrechas, o SGD simple.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="41"/>
        <source>{n} bytes</source>
        <extracomment>Share of the currently available memory that one request may claim by default. Budget when the available memory cannot be read. The smallest budget accepted from the variable: below this nothing useful runs.</extracomment>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="52"/>
        <source>{var}={value!r} is not a size; write a number of bytes, optionally with K, M, G or T (for example 2G).</source>
        <translation>{var}={value!r} no es un tamaño; escribe un número de bytes, opcionalmente con K, M, G o T (por ejemplo 2G).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="64"/>
        <source>{var}={value} is below the minimum of {minimum}.</source>
        <translation>{var}={value} está por debajo del mínimo de {minimum}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="90"/>
        <source>set by {var}</source>
        <translation>fijado por {var}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="93"/>
        <source>the default; set {var} to change it</source>
        <translation>el valor predeterminado; define {var} para cambiarlo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="96"/>
        <source>75% of the available memory; set {var} to change it</source>
        <translation>el 75 % de la memoria disponible; define {var} para cambiarlo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/memory.py" line="109"/>
        <source>{what} needs {needed}, but the memory budget is {limit} ({source}).</source>
        <translation>{what} necesita {needed}, pero el presupuesto de memoria es {limit} ({source}).</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../mlpstudio/gui/widgets.py" line="147"/>
        <source>Hide this message</source>
        <translation>Ocultar este mensaje</translation>
    </message>
</context>
<context>
    <name>NetworkHook</name>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="389"/>
        <source>Show this neuron: z = w^T a + b, a = S(z)</source>
        <translation>Ver esta neurona: z = w^T a + b, a = S(z)</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="299"/>
        <source>&lt;b&gt;Network&lt;/b&gt;: red positive, blue negative weights; width&amp;nbsp;=&amp;nbsp;|&amp;#8288;w&amp;#8288;|</source>
        <extracomment>(column, unit) of a clicked hidden unit; column 1 is the first hidden layer (column, unit) of a double-clicked hidden or output unit (for a one-neuron view) the probe was cleared (its marker on the predictions plot goes too)</extracomment>
        <translation>&lt;b&gt;Red&lt;/b&gt;: pesos positivos en rojo, negativos en azul; grosor&amp;nbsp;=&amp;nbsp;|&amp;#8288;w&amp;#8288;|</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="302"/>
        <source>Grey units with a dotted ring are dead (ReLU output 0 on every sample) or saturated (tanh or sigmoid stuck at its limits). Click a unit to highlight it. Click a point of the predictions plot or a test image to probe it: every unit then shows its activation for that input.</source>
        <translation>Las unidades grises con borde punteado están muertas (salida ReLU 0 en todas las muestras) o saturadas (tanh o sigmoide atascada en sus límites). Haz clic en una unidad para resaltarla. Haz clic en un punto del gráfico de predicciones o en una imagen de test para sondearla: cada unidad muestra entonces su activación para esa entrada.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="318"/>
        <source>Clear probe</source>
        <translation>Quitar sonda</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="319"/>
        <source>Colour the units by their bias again.</source>
        <translation>Vuelve a colorear las unidades por su sesgo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="342"/>
        <source>input
{n}</source>
        <translation>entrada
{n}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="345"/>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="347"/>
        <source>layer {l}</source>
        <translation>capa {l}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="350"/>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="388"/>
        <source>&lt;b&gt;Probe&lt;/b&gt; {input}: colour = activation a</source>
        <translation>&lt;b&gt;Sonda&lt;/b&gt; {input}: color = activación a</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="391"/>
        <source>Hover a unit to see the sum behind its activation, with the numbers.</source>
        <translation>Pasa el ratón sobre una unidad para ver la suma detrás de su activación, con los números.</translation>
    </message>
</context>
<context>
    <name>NeuronDiagram</name>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="91"/>
        <source>… {n} more</source>
        <translation>… {n} más</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="155"/>
        <source>&lt;b&gt;One neuron&lt;/b&gt;: z = w&lt;sup&gt;T&lt;/sup&gt;a + b, a = S(z)</source>
        <translation>&lt;b&gt;Una neurona&lt;/b&gt;: z = w&lt;sup&gt;T&lt;/sup&gt;a + b, a = S(z)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="157"/>
        <source>Double-click a unit in the Network view (or right-click it) to show it here.</source>
        <translation>Haz doble clic en una unidad de la vista Red (o clic derecho) para verla aquí.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="165"/>
        <source>Layer l (1 is the first hidden layer; the last is the output).</source>
        <translation>Capa l (1 es la primera capa oculta; la última es la salida).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="167"/>
        <source>Unit i of that layer (counted from 1).</source>
        <translation>Unidad i de esa capa (contando desde 1).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="168"/>
        <source>The test sample whose input a^[0] = x goes through.</source>
        <translation>La muestra de test cuya entrada a^[0] = x recorre la red.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="170"/>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="171"/>
        <source>unit</source>
        <translation>unidad</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="172"/>
        <source>test sample</source>
        <translation>muestra de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="260"/>
        <source>Train or reset the network to see a neuron.</source>
        <translation>Entrena o reinicia la red para ver una neurona.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="297"/>
        <source>{n} more terms ({sum})</source>
        <translation>{n} términos más ({sum})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="300"/>
        <source>identity</source>
        <translation>identidad</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="302"/>
        <source>layer {l}, unit {i}: z = w^T a + b = {terms} + ({b}) = {z};  a = {S}(z) = {a}</source>
        <translation>capa {l}, unidad {i}: z = w^T a + b = {terms} + ({b}) = {z};  a = {S}(z) = {a}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/neuron_view.py" line="313"/>
        <source>(softmax divides e^z by the sum over all output units.)</source>
        <translation>(softmax divide e^z entre la suma sobre todas las unidades de salida.)</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="154"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="161"/>
        <source>SGD + momentum</source>
        <translation>SGD + momento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="170"/>
        <source>Nesterov momentum</source>
        <translation>Momento de Nesterov</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="180"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="192"/>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="59"/>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="61"/>
        <source>Momentum coefficient mu: the share of the previous step kept in the next.</source>
        <translation>Coeficiente de momento mu: la fracción del paso anterior que se conserva en el siguiente.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="66"/>
        <source>Beta 1</source>
        <translation>Beta 1</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="68"/>
        <source>Adam&apos;s beta 1: how slowly the running mean of the gradients forgets.</source>
        <translation>Beta 1 de Adam: con qué lentitud olvida la media móvil de los gradientes.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="73"/>
        <source>Beta 2</source>
        <translation>Beta 2</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="75"/>
        <source>Adam&apos;s beta 2: how slowly the running mean of the squared gradients forgets.</source>
        <translation>Beta 2 de Adam: con qué lentitud olvida la media móvil de los gradientes al cuadrado.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="80"/>
        <source>Epsilon</source>
        <translation>Épsilon</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="82"/>
        <source>A small number added to the denominator so that it is never zero.</source>
        <translation>Un número pequeño que se suma al denominador para que nunca sea cero.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="130"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="132"/>
        <source>RMSProp&apos;s alpha: how slowly the running mean of the squared gradients forgets.</source>
        <translation>Alfa de RMSProp: con qué lentitud olvida la media móvil de los gradientes al cuadrado.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="30"/>
        <source>Decay every</source>
        <translation>Reducir cada</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="32"/>
        <source>Step schedule: epochs between two decays.</source>
        <translation>Planificación por escalones: épocas entre dos reducciones.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="35"/>
        <source>Decay factor</source>
        <translation>Factor de reducción</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="37"/>
        <source>Step schedule: the learning rate is multiplied by this at every decay.</source>
        <translation>Planificación por escalones: la tasa de aprendizaje se multiplica por este factor en cada reducción.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="42"/>
        <source>Final factor</source>
        <translation>Factor final</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="44"/>
        <source>Cosine schedule: the learning rate ends at this share of its start.</source>
        <translation>Planificación coseno: la tasa de aprendizaje termina en esta fracción de la inicial.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="23"/>
        <source>Optimiser</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="28"/>
        <source>The rule that updates the weights from the gradient. SGD: w -= lr * gradient; momentum adds a velocity that smooths the steps; Adam adapts the step of every weight.</source>
        <translation>La regla que actualiza los pesos a partir del gradiente. SGD: w -= lr * gradiente; el momento añade una velocidad que suaviza los pasos; Adam adapta el paso de cada peso.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="37"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="45"/>
        <source>The learning rate: how big a step the weights take along the negative gradient. Too small: slow; too large: the loss jumps or diverges. It can be changed while training.</source>
        <translation>La tasa de aprendizaje: el tamaño del paso que dan los pesos en la dirección opuesta al gradiente. Demasiado pequeña: lento; demasiado grande: la pérdida oscila o diverge. Se puede cambiar durante el entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="56"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="61"/>
        <source>Mini-batch size: how many training samples are averaged for each gradient step. One epoch is one pass over the training set, N/batch steps.</source>
        <translation>Tamaño del minilote: cuántas muestras de entrenamiento se promedian en cada paso del gradiente. Una época es una pasada por el conjunto de entrenamiento, N/lote pasos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="69"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="75"/>
        <source>Epochs: how many times the network sees the whole training set.</source>
        <translation>Épocas: cuántas veces ve la red el conjunto de entrenamiento completo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="81"/>
        <source>L2 penalty</source>
        <translation>Penalización L2</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="88"/>
        <source>L2 regularisation lambda: adds lambda/2 * sum(W^2) to the loss, which keeps the weights small and can reduce overfitting.</source>
        <translation>Regularización L2 lambda: suma lambda/2 * sum(W^2) a la pérdida, lo que mantiene pequeños los pesos y puede reducir el sobreajuste.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="96"/>
        <source>Schedule</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="101"/>
        <source>How the learning rate changes over the epochs: constant, halved every few epochs (step), or decreasing smoothly to zero (cosine).</source>
        <translation>Cómo cambia la tasa de aprendizaje a lo largo de las épocas: constante, reducida a la mitad cada cierto número de épocas (escalonada) o decreciendo suavemente hasta cero (coseno).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="109"/>
        <source>Early stopping</source>
        <translation>Parada temprana</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="111"/>
        <source>Stop when validation stops improving</source>
        <translation>Parar cuando la validación deje de mejorar</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="113"/>
        <source>Early stopping: hold out part of the training data for validation and stop when its loss has not improved for &apos;patience&apos; epochs, keeping the best weights.</source>
        <translation>Parada temprana: reserva parte de los datos de entrenamiento para validación y detiene el entrenamiento cuando su pérdida lleva &apos;paciencia&apos; épocas sin mejorar, conservando los mejores pesos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="122"/>
        <source>Patience</source>
        <translation>Paciencia</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="129"/>
        <source>Epochs without improvement before stopping.</source>
        <translation>Épocas sin mejora antes de parar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="133"/>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="143"/>
        <source>Share of the training data held out to decide when to stop.</source>
        <translation>Parte de los datos de entrenamiento que se reserva para decidir cuándo parar.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="152"/>
        <source>Keep the best validation weights</source>
        <translation>Conservar los pesos con mejor validación</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="154"/>
        <source>When training stops early, go back to the weights of the best epoch.</source>
        <translation>Cuando el entrenamiento para antes, vuelve a los pesos de la mejor época.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="160"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/training_options.py" line="165"/>
        <source>Seed of the initial weights and of the shuffling: the same seed repeats the same run.</source>
        <translation>Semilla de los pesos iniciales y del barajado: la misma semilla repite la misma ejecución.</translation>
    </message>
</context>
<context>
    <name>ParityPlot</name>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="41"/>
        <source>true class</source>
        <translation>clase real</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="42"/>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="49"/>
        <source>true value</source>
        <translation>valor real</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="50"/>
        <source>predicted</source>
        <translation>predicción</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="68"/>
        <source>perfect prediction</source>
        <translation>predicción perfecta</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="76"/>
        <source>train rows</source>
        <translation>filas de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="80"/>
        <source>test rows</source>
        <translation>filas de test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="118"/>
        <source>row (train, then test)</source>
        <translation>fila (entrenamiento, luego test)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="119"/>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="128"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/parity.py" line="129"/>
        <source>test</source>
        <translation>test</translation>
    </message>
</context>
<context>
    <name>PartialDependence</name>
    <message>
        <location filename="../../mlpstudio/gui/views/partial.py" line="58"/>
        <source>Partial dependence (dashed: the target)</source>
        <translation>Dependencia parcial (discontinua: el objetivo)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/partial.py" line="72"/>
        <source>input value x_i (the others as in the data)</source>
        <translation>valor de la entrada x_i (las demás como en los datos)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/partial.py" line="76"/>
        <source>mean output</source>
        <translation>salida media</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="32"/>
        <source>&lt;b&gt;Predictions&lt;/b&gt; against the data</source>
        <translation>&lt;b&gt;Predicciones&lt;/b&gt; frente a los datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="45"/>
        <source>No data to show: see the message in the Data panel.</source>
        <translation>No hay datos que mostrar: mira el mensaje del panel Datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="47"/>
        <source>No data to preview: see the message above.</source>
        <translation>No hay datos que previsualizar: mira el mensaje de arriba.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="101"/>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="102"/>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="159"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="103"/>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="160"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="106"/>
        <source>network</source>
        <translation>red</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="107"/>
        <source>predictions (test)</source>
        <translation>predicciones (test)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="176"/>
        <source>P(class 1)</source>
        <translation>P(clase 1)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="176"/>
        <source>network output</source>
        <translation>salida de la red</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="55"/>
        <source>Preferences</source>
        <extracomment>Settings key -&gt; environment variable, for every preference the Qt-free layers read.</extracomment>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="59"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="62"/>
        <source>The language of the interface (applies at once).</source>
        <translation>El idioma de la interfaz (se aplica al momento).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="65"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="68"/>
        <source>(your user cache folder)</source>
        <translation>(tu carpeta de caché de usuario)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="71"/>
        <source>A folder for the image datasets, for example one shared by every PC of a lab. Empty: a folder in your user account.</source>
        <translation>Una carpeta para los conjuntos de datos de imágenes, por ejemplo una compartida por todos los PC de un laboratorio. Vacía: una carpeta de tu cuenta de usuario.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="75"/>
        <source>Browse...</source>
        <translation>Examinar...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="76"/>
        <source>Choose the folder.</source>
        <translation>Elige la carpeta.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="81"/>
        <location filename="../../mlpstudio/gui/preferences.py" line="127"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="87"/>
        <source>A web server of your lab that holds the same dataset files: every download comes from there instead of the internet. Checksums are verified anyway.</source>
        <translation>Un servidor web de tu laboratorio con los mismos archivos de conjuntos de datos: todas las descargas vienen de ahí en lugar de internet. Las sumas de comprobación se verifican igualmente.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="91"/>
        <source>Download mirror</source>
        <translation>Espejo de descarga</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="94"/>
        <source>(75% of the available memory)</source>
        <translation>(75 % de la memoria disponible)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="97"/>
        <source>The most memory one network, optimiser state, dataset or opened file may take, for example 2G or 512M. Larger requests are refused before anything is allocated. Empty: 75% of the memory available at the time.</source>
        <translation>La memoria máxima que puede ocupar una red, el estado del optimizador, un conjunto de datos o un archivo abierto, por ejemplo 2G o 512M. Las peticiones mayores se rechazan antes de reservar nada. Vacío: el 75 % de la memoria disponible en ese momento.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="102"/>
        <location filename="../../mlpstudio/gui/preferences.py" line="139"/>
        <source>Memory budget</source>
        <translation>Presupuesto de memoria</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/preferences.py" line="114"/>
        <source>{name} is set by the environment.</source>
        <translation>{name} está definida en el entorno.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="11"/>
        <source>Course example: sin(3 pi x) + cos(2 pi x)</source>
        <extracomment>name -&gt; (label, config overrides). ``course-sine`` is also the app&apos;s default. Labels are English; the GUI shows ``translate(&quot;Presets&quot;, label)``.</extracomment>
        <translation>Ejemplo del curso: sin(3 pi x) + cos(2 pi x)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="13"/>
        <source>Gaussian bump: exp(-10 x^2)</source>
        <translation>Campana gaussiana: exp(-10 x^2)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="17"/>
        <source>A kink: |x|</source>
        <translation>Un punto anguloso: |x|</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="21"/>
        <source>A step: sign(x)</source>
        <translation>Un escalón: sign(x)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="25"/>
        <source>Noisy sine: sin(2 pi x) with noise 0.1</source>
        <translation>Seno con ruido: sin(2 pi x) con ruido 0.1</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="34"/>
        <source>2-D ripple: sin(pi x1) cos(pi x2)</source>
        <translation>Ondulación 2D: sin(pi x1) cos(pi x2)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="42"/>
        <source>2-D classes: circle</source>
        <translation>Clases 2D: círculo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="50"/>
        <source>2-D classes: XOR</source>
        <translation>Clases 2D: XOR</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="58"/>
        <source>2-D classes: two Gaussians</source>
        <translation>Clases 2D: dos gaussianas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="66"/>
        <source>MNIST handwritten digits</source>
        <translation>Dígitos manuscritos MNIST</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="74"/>
        <source>Fashion-MNIST clothes</source>
        <translation>Ropa Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="82"/>
        <source>CIFAR-10 photos</source>
        <translation>Fotos CIFAR-10</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="90"/>
        <source>CIFAR-100 photos (100 classes)</source>
        <translation>Fotos CIFAR-100 (100 clases)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="103"/>
        <source>2-D classes: spiral</source>
        <translation>Clases 2D: espiral</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="111"/>
        <source>2-D classes: spiral with 3 arms</source>
        <translation>Clases 2D: espiral de 3 brazos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="119"/>
        <source>2-D classes: four Gaussians</source>
        <translation>Clases 2D: cuatro gaussianas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="127"/>
        <source>2-D classes: five blobs</source>
        <translation>Clases 2D: cinco manchas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="135"/>
        <source>Classes from a formula: x1^2 + x2^2 &lt; 0.5</source>
        <translation>Clases con una fórmula: x1^2 + x2^2 &lt; 0.5</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="143"/>
        <source>Four inputs, the course&apos;s 4-5-1 net: x1 x2 + sin(x3) - x4</source>
        <translation>Cuatro entradas, la red 4-5-1 del curso: x1 x2 + sin(x3) - x4</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="151"/>
        <source>Few noisy points: 20 samples of sin(pi x) with noise</source>
        <translation>Pocos puntos con ruido: 20 muestras de sin(pi x) con ruido</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="57"/>
        <source>Input x&lt;sub&gt;{i}&lt;/sub&gt; = a&lt;sub&gt;{i}&lt;/sub&gt;&lt;sup&gt;[0]&lt;/sup&gt; = {v}</source>
        <translation>Entrada x&lt;sub&gt;{i}&lt;/sub&gt; = a&lt;sub&gt;{i}&lt;/sub&gt;&lt;sup&gt;[0]&lt;/sup&gt; = {v}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="77"/>
        <source>(… = the other {n} terms, together {v})</source>
        <translation>(… = los otros {n} términos, que suman {v})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="106"/>
        <source>First layer a&lt;sup&gt;[1]&lt;/sup&gt; for this image: {n} units, from {lo} to {hi}</source>
        <translation>Primera capa a&lt;sup&gt;[1]&lt;/sup&gt; para esta imagen: {n} unidades, de {lo} a {hi}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="123"/>
        <source>a[1] per unit</source>
        <translation>a[1] por unidad</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="185"/>
        <source>x = {x}</source>
        <translation>x = {x}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/probe.py" line="191"/>
        <source>x1 = {x1}, x2 = {x2}</source>
        <translation>x1 = {x1}; x2 = {x2}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/smoke.py" line="91"/>
        <location filename="../../mlpstudio/gui/views/probe.py" line="245"/>
        <source>test image {n}</source>
        <extracomment>``--smoke --view NAME``: the window&apos;s attribute that holds each view, in order of preference (a view that a later part of the app adds takes over its name; until then the view that shows that content stands in, and the smoke run says so)</extracomment>
        <translation>imagen de test {n}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="103"/>
        <source>epoch {n}</source>
        <translation>época {n}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="133"/>
        <source>MLP Studio experiment report</source>
        <translation>Informe del experimento de MLP Studio</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="145"/>
        <source>2-D classes: {toy}</source>
        <translation>Clases en 2-D: {toy}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="147"/>
        <source>CSV file: {file}, target {target}</source>
        <translation>Archivo CSV: {file}, objetivo {target}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="148"/>
        <source>(last column)</source>
        <translation>(última columna)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="151"/>
        <source>image set: {name}</source>
        <translation>conjunto de imágenes: {name}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="152"/>
        <source>Data:</source>
        <translation>Datos:</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="155"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="172"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="176"/>
        <source>Layer l has N&lt;sub&gt;l&lt;/sub&gt; (N&lt;sub&gt;l-1&lt;/sub&gt; + 1) parameters: the weights W&lt;sup&gt;[l]&lt;/sup&gt; (N&lt;sub&gt;l&lt;/sub&gt; &amp;times; N&lt;sub&gt;l-1&lt;/sub&gt;) and the biases b&lt;sup&gt;[l]&lt;/sup&gt; (N&lt;sub&gt;l&lt;/sub&gt;).</source>
        <translation>La capa l tiene N&lt;sub&gt;l&lt;/sub&gt; (N&lt;sub&gt;l-1&lt;/sub&gt; + 1) parámetros: los pesos W&lt;sup&gt;[l]&lt;/sup&gt; (N&lt;sub&gt;l&lt;/sub&gt; &amp;times; N&lt;sub&gt;l-1&lt;/sub&gt;) y los sesgos b&lt;sup&gt;[l]&lt;/sup&gt; (N&lt;sub&gt;l&lt;/sub&gt;).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="185"/>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="186"/>
        <source>weights</source>
        <translation>pesos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="187"/>
        <source>biases</source>
        <translation>sesgos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="188"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="201"/>
        <source>Loss per epoch</source>
        <translation>Pérdida por época</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="209"/>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="218"/>
        <source>As an experiment file ({command}):</source>
        <translation>Como archivo de experimento ({command}):</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/report_export.py" line="224"/>
        <source>Written by MLP Studio {version}.</source>
        <translation>Escrito por MLP Studio {version}.</translation>
    </message>
</context>
<context>
    <name>Schedules</name>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="68"/>
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="75"/>
        <source>Step decay</source>
        <translation>Decaimiento escalonado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/schedules.py" line="83"/>
        <source>Cosine annealing</source>
        <translation>Recocido coseno</translation>
    </message>
</context>
<context>
    <name>ShapesView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="46"/>
        <source>&lt;b&gt;Shapes&lt;/b&gt; of one mini-batch: a column per sample, as in the course</source>
        <translation>&lt;b&gt;Formas&lt;/b&gt; de un minilote: una columna por muestra, como en el curso</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="67"/>
        <source>course (columns)</source>
        <translation>curso (columnas)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="68"/>
        <source>code (rows)</source>
        <translation>código (filas)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="69"/>
        <source>multiplications per sample</source>
        <translation>multiplicaciones por muestra</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="73"/>
        <source>One sample per column: Z^[l] = W^[l] A^[l-1] + b^[l] is N_l × B.</source>
        <translation>Una muestra por columna: Z^[l] = W^[l] A^[l-1] + b^[l] es N_l × B.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="76"/>
        <source>MLP Studio stores one sample per row and computes Z = A W^T + b (B × N_l).</source>
        <translation>MLP Studio guarda una muestra por fila y calcula Z = A W^T + b (B × N_l).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="79"/>
        <source>W^[l] a^[l-1] costs N_l × N_{l-1} multiplications for each sample.</source>
        <translation>W^[l] a^[l-1] cuesta N_l × N_{l-1} multiplicaciones por muestra.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="124"/>
        <source>No network yet.</source>
        <translation>Todavía no hay red.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="156"/>
        <source>Batch size B = {b} (Training panel).</source>
        <translation>Tamaño de lote B = {b} (panel Entrenamiento).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="158"/>
        <source>The last batch of an epoch has {n} samples.</source>
        <translation>El último lote de cada época tiene {n} muestras.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/shapes_view.py" line="165"/>
        <source>Multiplications per sample: Σ N&lt;sub&gt;l&lt;/sub&gt; N&lt;sub&gt;l−1&lt;/sub&gt; = {terms} = &lt;b&gt;{per_sample}&lt;/b&gt;; per batch: {per_batch}.&lt;br&gt;Parameters: Σ N&lt;sub&gt;l&lt;/sub&gt; (N&lt;sub&gt;l−1&lt;/sub&gt; + 1) = &lt;b&gt;{params}&lt;/b&gt;.</source>
        <translation>Multiplicaciones por muestra: Σ N&lt;sub&gt;l&lt;/sub&gt; N&lt;sub&gt;l−1&lt;/sub&gt; = {terms} = &lt;b&gt;{per_sample}&lt;/b&gt;; por lote: {per_batch}.&lt;br&gt;Parámetros: Σ N&lt;sub&gt;l&lt;/sub&gt; (N&lt;sub&gt;l−1&lt;/sub&gt; + 1) = &lt;b&gt;{params}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="97"/>
        <source>Submit result</source>
        <translation>Enviar resultado</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="101"/>
        <source>First name and surname</source>
        <translation>Nombre y apellidos</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="102"/>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="105"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="112"/>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="142"/>
        <source>Results folder</source>
        <translation>Carpeta de resultados</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="114"/>
        <source>1 - accuracy</source>
        <translation>1 - exactitud</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="114"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="117"/>
        <source>{params} parameters; train error {train}, test error {test} ({what}); with the settings and the loss history.</source>
        <translation>{params} parámetros; error de entrenamiento {train}, error de test {test} ({what}); con los ajustes y la historia de la pérdida.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="127"/>
        <source>Sends</source>
        <translation>Envía</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/lab_actions.py" line="131"/>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>Tabular</name>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="80"/>
        <location filename="../../mlpstudio/data/tabular.py" line="102"/>
        <source>{path}: the file cannot be read ({why}).</source>
        <extracomment>Largest CSV file read (bytes); a 100 MB file is refused before it is read. An integer target with at most this many distinct values is taken as class labels. The most classes a target column may have (as many as CIFAR-100): a column of names or ids would otherwise make one output per row, and one-hot arrays of rows x classes. Characters of a file checked at a time for rows wider than the header.</extracomment>
        <translation>{path}: no se puede leer el archivo ({why}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="85"/>
        <source>{path}: not a regular file.</source>
        <translation>{path}: no es un archivo normal.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="88"/>
        <source>{path}: the file has {size} MB; MLP Studio reads CSV files up to {cap} MB. Use a sample of the rows.</source>
        <translation>{path}: el archivo tiene {size} MB; MLP Studio lee archivos CSV de hasta {cap} MB. Usa una muestra de las filas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="113"/>
        <source>{path}: this is a binary file, not a CSV text file.</source>
        <translation>{path}: es un archivo binario, no un archivo de texto CSV.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="175"/>
        <source>{path}: target column {spec} does not exist; the file has {n} columns.</source>
        <extracomment>The refusals of a column that is not there, by role (whole sentences, so that each one translates as a whole): (a number beyond the columns, a name the header lacks).</extracomment>
        <translation>{path}: la columna objetivo {spec} no existe; el archivo tiene {n} columnas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="178"/>
        <source>{path}: there is no target column called &quot;{spec}&quot;; the columns are: {names}.</source>
        <translation>{path}: no hay ninguna columna objetivo llamada «{spec}»; las columnas son: {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="184"/>
        <source>{path}: input column {spec} does not exist; the file has {n} columns.</source>
        <translation>{path}: la columna de entrada {spec} no existe; el archivo tiene {n} columnas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="187"/>
        <source>{path}: there is no input column called &quot;{spec}&quot;; the columns are: {names}.</source>
        <translation>{path}: no hay ninguna columna de entrada llamada «{spec}»; las columnas son: {names}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="221"/>
        <source>{path}: the file is not a table this reader can use ({why}).</source>
        <translation>{path}: el archivo no es una tabla que este lector pueda usar ({why}).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="239"/>
        <source>{path}: the separator and the decimal mark cannot both be &quot;{c}&quot;.</source>
        <translation>{path}: el separador y la marca decimal no pueden ser ambos «{c}».</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="245"/>
        <source>{path}: the file is empty.</source>
        <translation>{path}: el archivo está vacío.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="254"/>
        <source>{path}: columns {a} and {b} have the same name &quot;{name}&quot;.</source>
        <translation>{path}: las columnas {a} y {b} tienen el mismo nombre «{name}».</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="265"/>
        <source>{path}: only one column was found (separator &quot;{sep}&quot;); a dataset needs inputs and a target.</source>
        <translation>{path}: solo se ha encontrado una columna (separador «{sep}»); un conjunto de datos necesita entradas y un objetivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="274"/>
        <source>{path}: the file has a header but no data rows.</source>
        <translation>{path}: el archivo tiene cabecera pero ninguna fila de datos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="314"/>
        <source>{path}: the input column &quot;{name}&quot; is chosen more than once.</source>
        <translation>{path}: la columna de entrada «{name}» está elegida más de una vez.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="320"/>
        <source>{path}: the column &quot;{name}&quot; cannot be both an input and the target.</source>
        <translation>{path}: la columna «{name}» no puede ser a la vez entrada y objetivo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="327"/>
        <source>{path}: the input column &quot;{name}&quot; holds text; inputs must be numbers.</source>
        <translation>{path}: la columna de entrada «{name}» contiene texto; las entradas deben ser números.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="336"/>
        <source>{path}: no numeric input column was found.</source>
        <translation>{path}: no se ha encontrado ninguna columna de entrada numérica.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="350"/>
        <source>{path}: the file has one data row; training needs at least two.</source>
        <translation>{path}: el archivo tiene una sola fila de datos; para entrenar hacen falta al menos dos.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="366"/>
        <source>{path}: the target &quot;{name}&quot; has a single class; classification needs two or more.</source>
        <translation>{path}: el objetivo «{name}» tiene una sola clase; la clasificación necesita dos o más.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="463"/>
        <source>{path}, line {line}: a quote (&quot;) opens a field that is never closed; the rest of the file would be read as one cell. Close or remove the quote.</source>
        <translation>{path}, línea {line}: unas comillas (&quot;) abren un campo que nunca se cierra; el resto del archivo se leería como una sola celda. Cierra o quita las comillas.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="504"/>
        <source>{path}, line {line}, column &quot;{name}&quot;: the value is not a finite number.</source>
        <translation>{path}, línea {line}, columna «{name}»: el valor no es un número finito.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="517"/>
        <source>{path}, line {line}, column &quot;{name}&quot;: {value} is too large; values up to {limit} in size can be standardised and trained on. Rescale the column (other units).</source>
        <translation>{path}, línea {line}, columna «{name}»: {value} es demasiado grande; solo se pueden estandarizar y entrenar valores de hasta {limit} en tamaño. Cambia la escala de la columna (otras unidades).</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="535"/>
        <source>{path}, line {line}: {found} fields where the header has {expected}.</source>
        <translation>{path}, línea {line}: {found} campos, pero la cabecera tiene {expected}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="543"/>
        <source>{path}, line {line}, column &quot;{name}&quot;: the value is missing.</source>
        <translation>{path}, línea {line}, columna «{name}»: falta el valor.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="562"/>
        <source>{path}, line {line}, column &quot;{name}&quot;: &quot;{cell}&quot; is not a number.</source>
        <translation>{path}, línea {line}, columna «{name}»: «{cell}» no es un número.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="570"/>
        <source>{path}: the numbers could not be read.</source>
        <translation>{path}: no se han podido leer los números.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/tabular.py" line="588"/>
        <source>{path}, line {line}: the target &quot;{name}&quot; has more than {limit} different values here; classification takes at most {limit} classes. Choose the task regression for numbers, or another target column.</source>
        <translation>{path}, línea {line}: el objetivo «{name}» tiene ya más de {limit} valores distintos; la clasificación admite como máximo {limit} clases. Elige la tarea regresión para números, u otra columna objetivo.</translation>
    </message>
</context>
<context>
    <name>Threads</name>
    <message>
        <location filename="../../mlpstudio/threads.py" line="94"/>
        <source>The number of threads must be between 1 and {limit} (the logical processors this computer lets MLP Studio use); it is {value}.</source>
        <translation>El número de hilos debe estar entre 1 y {limit} (los procesadores lógicos que este ordenador deja usar a MLP Studio); es {value}.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/threads.py" line="122"/>
        <source>{name} must be a whole number of threads, not &quot;{value}&quot;.</source>
        <translation>{name} debe ser un número entero de hilos, no «{value}».</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="46"/>
        <source>Drag to see the network as it was at an earlier epoch: predictions, weights, network, basis, confusion matrix and gallery follow</source>
        <translation>Arrastra para ver la red tal como era en una época anterior: predicciones, pesos, red, base, matriz de confusión y galería la siguen</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="50"/>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="51"/>
        <source>Return to the latest epoch and follow training</source>
        <translation>Vuelve a la última época y sigue el entrenamiento</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="83"/>
        <location filename="../../mlpstudio/gui/timeline.py" line="127"/>
        <source>epoch {epoch}</source>
        <translation>época {epoch}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="84"/>
        <location filename="../../mlpstudio/gui/timeline.py" line="129"/>
        <source>live</source>
        <translation>en directo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="132"/>
        <source>{count} epochs kept ({size} MB): every epoch at first, later ones sparser</source>
        <translation>{count} épocas guardadas ({size} MB): todas al principio, después más espaciadas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="163"/>
        <source>Pause the replay</source>
        <translation>Pausa la reproducción</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/timeline.py" line="164"/>
        <source>Play: replay training epoch by epoch in every view</source>
        <translation>Reproducir: repite el entrenamiento época a época en todas las vistas</translation>
    </message>
</context>
<context>
    <name>Toys</name>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="22"/>
        <source>Circle</source>
        <translation>Círculo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="23"/>
        <source>Exclusive or (XOR)</source>
        <translation>O exclusivo (XOR)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="24"/>
        <source>Gaussians</source>
        <translation>Gaussianas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="26"/>
        <source>Blobs</source>
        <translation>Manchas</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="25"/>
        <source>Spiral</source>
        <translation>Espiral</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="142"/>
        <source>CPU (NumPy)</source>
        <extracomment>the registries behind the choice options, with their translation contexts every training option&apos;s spec and control, by name, in the order of the rows</extracomment>
        <translation>CPU (NumPy)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="144"/>
        <source>GPU (CuPy)</source>
        <translation>GPU (CuPy)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="148"/>
        <source>Where the network computes. The GPU needs an NVIDIA card and CuPy.</source>
        <translation>Dónde calcula la red. La GPU necesita una tarjeta NVIDIA y CuPy.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="154"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="157"/>
        <source>32-bit (float32, faster)</source>
        <translation>32 bits (float32, más rápido)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="158"/>
        <source>64-bit (float64, exact checks)</source>
        <translation>64 bits (float64, comprobaciones exactas)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="160"/>
        <source>Floating-point precision of the weights and the computation.</source>
        <translation>Precisión en coma flotante de los pesos y del cálculo.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="162"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="178"/>
        <source>Progress of the run: epoch, time left and speed.</source>
        <translation>Progreso de la ejecución: época, tiempo restante y velocidad.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="268"/>
        <source>Epoch {epoch} / {total}</source>
        <translation>Época {epoch} / {total}</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="273"/>
        <source>Time left {eta} · {rate} samples/s · {elapsed} elapsed</source>
        <translation>Quedan {eta} · {rate} muestras/s · {elapsed} transcurrido</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="53"/>
        <source>Export...</source>
        <extracomment>what the view draws from snapshots while it is visible, so that the training process sends only that (see :class:`~mlpstudio.experiment.frames.Needs`): the weights of these layers (&quot;all&quot;, or 0-based indices), and the predictions (test and plot outputs)</extracomment>
        <translation>Exportar...</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="146"/>
        <source>Export view</source>
        <translation>Exportar vista</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="144"/>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="54"/>
        <source>Save this view as a PNG image or an SVG drawing.</source>
        <translation>Guarda esta vista como imagen PNG o dibujo SVG.</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="144"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="157"/>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="160"/>
        <source>&lt;b&gt;Weights&lt;/b&gt; W&lt;sup&gt;[l]&lt;/sup&gt; and biases b&lt;sup&gt;[l]&lt;/sup&gt; (last column) per layer</source>
        <translation>&lt;b&gt;Pesos&lt;/b&gt; W&lt;sup&gt;[l]&lt;/sup&gt; y sesgos b&lt;sup&gt;[l]&lt;/sup&gt; (última columna) por capa</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="178"/>
        <source>W&lt;sup&gt;[{l}]&lt;/sup&gt;: {rows} x {cols}  ({act})</source>
        <translation>W&lt;sup&gt;[{l}]&lt;/sup&gt;: {rows} x {cols}  ({act})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="182"/>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="319"/>
        <source>Diverged: {bad} of {total} values are infinite or NaN</source>
        <translation>Divergió: {bad} de {total} valores son infinitos o NaN</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="353"/>
        <source>W&lt;sup&gt;[{l}]&lt;/sup&gt;&lt;sub&gt;{i},{j}&lt;/sub&gt; = {v}  (unit {i} of layer {l}, input {j})</source>
        <translation>W&lt;sup&gt;[{l}]&lt;/sup&gt;&lt;sub&gt;{i},{j}&lt;/sub&gt; = {v}  (neurona {i} de la capa {l}, entrada {j})</translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="360"/>
        <source>b&lt;sup&gt;[{l}]&lt;/sup&gt;&lt;sub&gt;{i}&lt;/sub&gt; = {v}  (bias of unit {i})</source>
        <translation>b&lt;sup&gt;[{l}]&lt;/sup&gt;&lt;sub&gt;{i}&lt;/sub&gt; = {v}  (sesgo de la neurona {i})</translation>
    </message>
</context>
</TS>
