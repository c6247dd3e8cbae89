<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Activations</name>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="85"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="92"/>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="99"/>
        <source>Leaky ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="106"/>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/activations.py" line="113"/>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchitecturePanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="46"/>
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="48"/>
        <source>Units N_l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="48"/>
        <source>Activation S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="53"/>
        <source>Each row is a hidden layer l with N_l units (neurons) and an activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="59"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="60"/>
        <source>Add a hidden layer after the selected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="61"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="63"/>
        <source>Remove the selected hidden layer (no hidden layer: a linear model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="65"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="66"/>
        <source>Move the selected layer towards the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="67"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="68"/>
        <source>Move the selected layer towards the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="79"/>
        <source>Automatic (from the task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="84"/>
        <source>The output layer and the loss it is trained with: linear + mean squared error for regression, sigmoid or softmax + cross-entropy for classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="88"/>
        <source>Output and loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="94"/>
        <source>How the initial weights are drawn. Scaling them by the layer&apos;s size keeps the signal from vanishing or exploding through the layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="98"/>
        <source>Initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="107"/>
        <source>Each layer has N_l x N_(l-1) weights and N_l biases: N_l (N_(l-1) + 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="114"/>
        <source>The model written as in the course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="125"/>
        <source>N_l: the number of units in this layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="145"/>
        <source>Layer {l}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="211"/>
        <source>&lt;i&gt;Fix the data to see the parameter count.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="223"/>
        <source>&lt;b&gt;Parameters: {total}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassAccuracyView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/class_accuracy_view.py" line="21"/>
        <source>&lt;b&gt;Accuracy per class&lt;/b&gt; on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/class_accuracy_view.py" line="23"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="40"/>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt;: rows true, columns predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="41"/>
        <source>Superclasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="43"/>
        <source>Fold the 100 CIFAR-100 classes into their 20 superclasses: a mistake between two kinds of tree counts as right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="50"/>
        <source>true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/confusion_view.py" line="51"/>
        <source>predicted class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="56"/>
        <source>(choose a preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="60"/>
        <source>Load a ready-made experiment: the course example and other targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="63"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="66"/>
        <source>Function y = f(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="67"/>
        <source>2-D classification set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="68"/>
        <source>Images: MNIST handwritten digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="69"/>
        <source>Images: Fashion-MNIST clothes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="70"/>
        <source>Images: CIFAR-10 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="71"/>
        <source>Images: CIFAR-100 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="74"/>
        <source>Regression: the network approximates a function you type. Classification: it separates two classes of points in the plane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="78"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="93"/>
        <source>Share of the points held out as the test set. The network never trains on them: they measure how well it generalises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="97"/>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="102"/>
        <source>Seed of the random train/test split and of the noise: the same seed gives the same data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="106"/>
        <source>Data seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="110"/>
        <source>&lt;b&gt;Preview&lt;/b&gt; of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="137"/>
        <source>The target function the network must learn, in x (or in x1 and x2 for two inputs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="152"/>
        <source>f(x) =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="162"/>
        <source>The interval of x on which the function is sampled (for x1, x2: the same interval on both axes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="169"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="171"/>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="174"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="175"/>
        <source>Number of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="178"/>
        <source>Sample x every &apos;step&apos; (like numpy.arange), or take a number of evenly spaced points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="187"/>
        <source>Distance between consecutive samples of x.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="192"/>
        <source>How many samples of the function (train + test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="197"/>
        <source>Sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="209"/>
        <source>Standard deviation of the Gaussian noise added to every y: real measurements are never exact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="214"/>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="251"/>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="216"/>
        <source>Divide y by its maximum |y|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="217"/>
        <source>Normalise the targets to [-1, 1], as in the course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="219"/>
        <source>Normalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="231"/>
        <source>Two classes of points in the plane, as in TensorFlow Playground: the network learns the boundary between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="236"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="241"/>
        <source>How many points (train + test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="243"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="249"/>
        <source>How much the classes overlap (0: cleanly separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="260"/>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="262"/>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="333"/>
        <source>Download...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="263"/>
        <source>Download the files from the official source (or the lab&apos;s mirror) and verify their checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="265"/>
        <source>Import from folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="266"/>
        <source>Use files a teacher copied onto this computer (.gz or uncompressed); they are verified first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="268"/>
        <source>Manage...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="269"/>
        <source>See every dataset, its size and whether it verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="280"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="281"/>
        <source>How many images of each split to use: fewer train faster on a modest PC, more generalise better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="284"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="286"/>
        <source>Pixels / 255 (0 to 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="287"/>
        <source>Standardise (mean 0, std 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="288"/>
        <source>How pixel values 0-255 become inputs. Standardising centres them, which often helps training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="291"/>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="293"/>
        <source>100 fine classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="294"/>
        <source>20 superclasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="295"/>
        <source>CIFAR-100 has two labels per image: one of 100 classes and one of 20 superclasses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="298"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="318"/>
        <source>Each {h}&amp;times;{w} grey image is flattened, row after row, into a vector of &lt;b&gt;{n}&lt;/b&gt; inputs: N&lt;sub&gt;0&lt;/sub&gt; = {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="321"/>
        <source>Each {h}&amp;times;{w} colour image has 3 values per pixel (red, green, blue): flattened, it is a vector of &lt;b&gt;{n}&lt;/b&gt; inputs, N&lt;sub&gt;0&lt;/sub&gt; = {h}&amp;times;{w}&amp;times;3 = {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/data_panel.py" line="332"/>
        <source>Download again...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="283"/>
        <source>MNIST handwritten digits</source>
        <extracomment>Files that may be left out of a folder given as ``root`` (CIFAR-10&apos;s training batches 2 to 5, for a lighter copy in a lab); the store itself always holds all of them. Labels for the dataset manager (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="284"/>
        <source>Fashion-MNIST clothes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="285"/>
        <source>CIFAR-10 photos (10 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/catalog.py" line="286"/>
        <source>CIFAR-100 photos (100 classes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentController</name>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="109"/>
        <source>data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="109"/>
        <source>architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/controller.py" line="284"/>
        <source>Training will run inside the app instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstLayerView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="30"/>
        <source>&lt;b&gt;First layer&lt;/b&gt;: each unit&apos;s weights as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="32"/>
        <source>from unit </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="34"/>
        <source>Which units to show, 64 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/first_layer_view.py" line="53"/>
        <source> of {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="105"/>
        <source>&lt;b&gt;Samples&lt;/b&gt; of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="106"/>
        <source>&lt;b&gt;Test images&lt;/b&gt;: true label, prediction and confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="112"/>
        <source>All test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="113"/>
        <source>Mistakes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="114"/>
        <source>Confusion cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="115"/>
        <source>Which test images to show; click a cell of the confusion matrix to see the images behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="120"/>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="123"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="125"/>
        <source>Next mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="126"/>
        <source>Jump to the next test image the network gets wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="232"/>
        <source>{true} → {pred} ({conf:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="239"/>
        <source>{first}–{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Heads</name>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="26"/>
        <source>Linear + mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="27"/>
        <source>Softmax + cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/losses.py" line="28"/>
        <source>Sigmoid + binary cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../../mlpstudio/gui/views/gallery_view.py" line="62"/>
        <source>No images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inits</name>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="37"/>
        <source>Automatic (He for ReLU, Glorot otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="38"/>
        <source>He (normal, std = sqrt(2 / N_in))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="39"/>
        <source>Glorot (uniform, limit = sqrt(6 / (N_in + N_out)))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/network.py" line="40"/>
        <source>LeCun (normal, std = sqrt(1 / N_in))</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="24"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="96"/>
        <source>&lt;b&gt;Loss&lt;/b&gt; per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="25"/>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="27"/>
        <source>Show the loss on a logarithmic axis: late, small improvements stay visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="33"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="51"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="34"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="42"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="59"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="43"/>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="60"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="52"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="95"/>
        <source>&lt;b&gt;Loss&lt;/b&gt; and &lt;b&gt;accuracy&lt;/b&gt; per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="101"/>
        <source>loss (mean squared error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="102"/>
        <source>loss (cross-entropy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="103"/>
        <source>loss (binary cross-entropy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/loss_view.py" line="130"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="52"/>
        <source>MLP Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="87"/>
        <location filename="../../mlpstudio/gui/main_window.py" line="377"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="90"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="92"/>
        <source>Train exactly one mini-batch, then pause (S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="94"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="95"/>
        <source>Stop training; Continue carries on from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="97"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="100"/>
        <source>Throw the training away: new random weights from the seed, empty history (R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="103"/>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="106"/>
        <source>Larger fonts and thicker lines for a projector (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="109"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="115"/>
        <location filename="../../mlpstudio/gui/main_window.py" line="208"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="146"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="147"/>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="148"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="149"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="150"/>
        <source>First layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="151"/>
        <source>Accuracy per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="206"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="207"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="214"/>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="222"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="224"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="227"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="233"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="234"/>
        <location filename="../../mlpstudio/gui/main_window.py" line="475"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="236"/>
        <location filename="../../mlpstudio/gui/main_window.py" line="485"/>
        <source>About MLP Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="369"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="371"/>
        <source>Pause training (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="375"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="377"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="381"/>
        <source>{action} (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="405"/>
        <source>Fix the data to train: see the message in the Data panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="408"/>
        <source>Ready: {train} training and {test} test points. Press Train (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="413"/>
        <source>Training: epoch {epoch} of {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="418"/>
        <source>Paused at epoch {epoch}, step {step}. Space resumes, S takes one more step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="422"/>
        <source>Finished {epochs} epochs in {seconds:.1f} s. {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="427"/>
        <source>Stopped early at epoch {epoch}: the validation loss stopped improving; the best weights (epoch {best}) were kept. {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="431"/>
        <source>Stopped at epoch {epoch}. {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="436"/>
        <source>The loss became NaN or infinite: the learning rate ({lr:g}) is probably too high. Training stopped and the weights from epoch {epoch} were kept; lower the learning rate and reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="447"/>
        <source>Test loss {loss:.4g}, test accuracy {acc:.1%}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="450"/>
        <source>Test MSE {loss:.4g}, test R² {r2:.4f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="455"/>
        <source>The {what} changed, so the trained network no longer matches it. Reset to build and train the new network (Train also resets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="458"/>
        <source>Reset now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="464"/>
        <source>Problem: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="477"/>
        <source>Space: train / pause / resume
S: one training step (mini-batch)
R: reset the network
F5: presentation mode
Ctrl+Q: quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/main_window.py" line="487"/>
        <source>MLP Studio {version}
Build, train and compare multilayer perceptrons.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../mlpstudio/gui/widgets.py" line="83"/>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="151"/>
        <source>&lt;b&gt;Network&lt;/b&gt;: red positive, blue negative weights; width = |w|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="162"/>
        <source>input
{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="165"/>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="167"/>
        <source>layer {l}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/network_view.py" line="170"/>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="30"/>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="31"/>
        <source>SGD + momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="32"/>
        <source>Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="33"/>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="29"/>
        <source>&lt;b&gt;Predictions&lt;/b&gt; against the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="76"/>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="77"/>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="112"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="78"/>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="113"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="82"/>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="83"/>
        <source>predictions (test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="129"/>
        <source>P(class 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/prediction_view.py" line="129"/>
        <source>network output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="11"/>
        <source>Course example: sin(3 pi x) + cos(2 pi x)</source>
        <extracomment>name -&gt; (label, config overrides). ``course-sine`` is also the app&apos;s default. Labels are English; the GUI shows ``translate(&quot;Presets&quot;, label)``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="13"/>
        <source>Gaussian bump: exp(-10 x^2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="17"/>
        <source>A kink: |x|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="21"/>
        <source>A step: sign(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="25"/>
        <source>Noisy sine: sin(2 pi x) with noise 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="29"/>
        <source>2-D ripple: sin(pi x1) cos(pi x2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="37"/>
        <source>2-D classes: circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="45"/>
        <source>2-D classes: XOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="53"/>
        <source>2-D classes: two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="61"/>
        <source>MNIST handwritten digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="69"/>
        <source>Fashion-MNIST clothes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="77"/>
        <source>CIFAR-10 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="85"/>
        <source>CIFAR-100 photos (100 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/experiment/presets.py" line="93"/>
        <source>2-D classes: spiral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schedules</name>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="230"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="231"/>
        <source>Step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/core/optimizers.py" line="232"/>
        <source>Cosine annealing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toys</name>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="19"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="20"/>
        <source>Exclusive or (XOR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="21"/>
        <source>Two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/data/functions.py" line="22"/>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="57"/>
        <source>The rule that updates the weights from the gradient. SGD: w -= lr * gradient; momentum adds a velocity that smooths the steps; Adam adapts the step of every weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="62"/>
        <source>Optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="67"/>
        <source>The learning rate: how big a step the weights take along the negative gradient. Too small: slow; too large: the loss jumps or diverges. It can be changed while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="72"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="79"/>
        <source>Momentum coefficient mu: the share of the previous step kept in the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="81"/>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="87"/>
        <source>Mini-batch size: how many training samples are averaged for each gradient step. One epoch is one pass over the training set, N/batch steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="91"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="97"/>
        <source>Epochs: how many times the network sees the whole training set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="99"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="107"/>
        <source>L2 regularisation lambda: adds lambda/2 * sum(W^2) to the loss, which keeps the weights small and can reduce overfitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="111"/>
        <source>L2 penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="118"/>
        <source>How the learning rate changes over the epochs: constant, halved every few epochs (step), or decreasing smoothly to zero (cosine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="122"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="124"/>
        <source>Stop when validation stops improving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="127"/>
        <source>Early stopping: hold out part of the training data for validation and stop when its loss has not improved for &apos;patience&apos; epochs, keeping the best weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="132"/>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="135"/>
        <source>Epochs without improvement before stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="136"/>
        <source>Patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="142"/>
        <source>Seed of the initial weights and of the shuffling: the same seed repeats the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="146"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="149"/>
        <source>CPU (NumPy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="151"/>
        <source>GPU (CuPy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="155"/>
        <source>Where the network computes. The GPU needs an NVIDIA card and CuPy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="160"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="177"/>
        <source>Progress of the run: epoch, time left and speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="265"/>
        <source>Epoch {epoch} / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/training_panel.py" line="270"/>
        <source>Time left {eta} · {rate} samples/s · {elapsed} elapsed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="40"/>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="41"/>
        <source>Save this view as a PNG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="79"/>
        <source>Export view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="79"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/base.py" line="85"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="26"/>
        <source>&lt;b&gt;Weights&lt;/b&gt; W&lt;sup&gt;[l]&lt;/sup&gt; per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="45"/>
        <source>W&lt;sup&gt;[{l}]&lt;/sup&gt;: {rows} x {cols}  ({act})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="49"/>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/views/weights_view.py" line="110"/>
        <source>W&lt;sup&gt;[{l}]&lt;/sup&gt;&lt;sub&gt;{i},{j}&lt;/sub&gt; = {v:.4g}  (unit {i} of layer {l}, input {j})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="33"/>
        <source>The activation S(z) applied to every unit of the layer: a = S(z), z = W a + b. Without a non-linear activation, stacked layers collapse into one linear map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="240"/>
        <source>identity (linear output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/panels/architecture_panel.py" line="247"/>
        <source>f&lt;sup&gt;[l]&lt;/sup&gt;: a&lt;sup&gt;[l]&lt;/sup&gt; = S&lt;sup&gt;[l]&lt;/sup&gt;(z&lt;sup&gt;[l]&lt;/sup&gt;), z&lt;sup&gt;[l]&lt;/sup&gt; = W&lt;sup&gt;[l]&lt;/sup&gt; a&lt;sup&gt;[l-1]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;, a&lt;sup&gt;[0]&lt;/sup&gt; = x</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../mlpstudio/gui/app.py" line="165"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mlpstudio/gui/app.py" line="166"/>
        <source>Something went wrong; your work is still here.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
